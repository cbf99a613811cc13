using System.Xml.Linq;

namespace StreamAnalytics.IntegrationTests.Deployment;

/// <summary>deploy/Dockerfile restores from project files copied one by one; a project it forgets breaks the image build.</summary>
[Trait("Category", "Deployment")]
public sealed class DockerfileTests
{
    [Fact]
    public async Task Dockerfile_copies_every_project_the_silo_and_cli_need_before_restore()
    {
        var dockerfile = await File.ReadAllTextAsync(RepositoryFiles.PathOf("deploy", "Dockerfile"));
        var copied = dockerfile.Split('\n')
            .Where(line => line.StartsWith("COPY ", StringComparison.Ordinal))
            .SelectMany(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToHashSet();

        var needed = ProjectClosure(
            RepositoryFiles.PathOf("src", "StreamAnalytics.Silo", "StreamAnalytics.Silo.csproj"),
            RepositoryFiles.PathOf("src", "StreamAnalytics.Cli", "StreamAnalytics.Cli.csproj"));

        foreach (var project in needed)
        {
            var relative = Path.GetRelativePath(RepositoryFiles.Root, project).Replace('\\', '/');
            Assert.True(copied.Contains(relative), $"deploy/Dockerfile does not COPY {relative} before restore.");
        }
    }

    [Fact]
    public async Task Dockerignore_keeps_build_output_and_git_out_of_the_context()
    {
        var ignored = (await File.ReadAllLinesAsync(RepositoryFiles.PathOf(".dockerignore"))).Select(l => l.Trim()).ToHashSet();

        Assert.Contains("**/bin/", ignored);
        Assert.Contains("**/obj/", ignored);
        Assert.Contains("**/TestResults/", ignored);
        Assert.Contains(".git", ignored);
    }

    private static HashSet<string> ProjectClosure(params string[] roots)
    {
        var seen = new HashSet<string>();
        var pending = new Stack<string>(roots.Select(Path.GetFullPath));
        while (pending.TryPop(out var project))
        {
            if (!seen.Add(project))
            {
                continue;
            }

            foreach (var reference in XDocument.Load(project).Descendants("ProjectReference"))
            {
                var include = reference.Attribute("Include")!.Value.Replace('\\', Path.DirectorySeparatorChar);
                pending.Push(Path.GetFullPath(Path.Combine(Path.GetDirectoryName(project)!, include)));
            }
        }

        return seen;
    }
}
