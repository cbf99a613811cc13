using System.Net;
using StreamAnalytics.IntegrationTests.Processes;

namespace StreamAnalytics.IntegrationTests.Cli;

public sealed class EnrolCommandTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("sa-enrol-");

    public EnrolCommandTests()
    {
        // Three identities in natural order s2 < s10 < s11; the bytes are not decoded by sa enrol.
        foreach (var person in (string[])["s10", "s2", "s11"])
        {
            var folder = _folder.CreateSubdirectory(person);
            foreach (var image in (string[])["10.pgm", "2.pgm", "1.pgm"])
            {
                File.WriteAllBytes(Path.Combine(folder.FullName, image), [1, 2, 3]);
            }
        }
    }

    [Fact]
    public async Task The_first_identities_and_their_first_images_are_posted_in_natural_order()
    {
        var port = FreePort.Next();
        using var listener = new HttpListener();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        var received = new List<string>();
        var serving = Task.Run(async () =>
        {
            while (received.Count < 4)
            {
                var context = await listener.GetContextAsync();
                received.Add(context.Request.Url!.AbsolutePath);
                context.Response.StatusCode = 201;
                context.Response.Close();
            }
        });

        var result = await SaCommand.RunAsync(TimeSpan.FromSeconds(60), "enrol", _folder.FullName, "--url", $"http://127.0.0.1:{port}", "--identities", "2", "--images", "2");
        await serving.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True(result.ExitCode == 0, result.Error + result.Output);
        Assert.Equal(["/api/identities/s2/faces", "/api/identities/s2/faces", "/api/identities/s10/faces", "/api/identities/s10/faces"], received);
        Assert.Contains("HTTP 201: 4", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_folder_exits_with_2()
    {
        var result = await SaCommand.RunAsync(TimeSpan.FromSeconds(30), "enrol", Path.Combine(_folder.FullName, "nope"), "--url", "http://127.0.0.1:9");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("does not exist", result.Error, StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Delete(recursive: true);
}
