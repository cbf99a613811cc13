using StreamAnalytics.Inference.Faces;

namespace StreamAnalytics.IntegrationTests.Cli;

[Trait("Category", "Integration")]
public sealed class FaceTrainCommandTests
{
    [Fact]
    public async Task Train_faces_writes_a_model_serving_loads_with_the_first_identities()
    {
        var orl = Path.GetDirectoryName(Path.GetDirectoryName(SharedDatasets.File("orl", "s1", "1.pgm")))!;
        var file = Path.Combine(Path.GetTempPath(), $"sa-face-{Guid.NewGuid():N}.onnx");
        try
        {
            var result = await SaCommand.RunAsync(
                TimeSpan.FromMinutes(3), "train", "faces", "--input", orl, "--identities", "6", "--epochs", "2", "--output", file, "--version", "cli-test");

            Assert.True(result.ExitCode == 0, result.Error);
            Assert.Contains("6 identities, 60 images", result.Output);
            using var model = new FaceModel(await File.ReadAllBytesAsync(file));
            Assert.Equal("cli-test", model.Version);
            Assert.Equal(["s1", "s2", "s3", "s4", "s5", "s6"], model.Identities);
            Assert.InRange(model.Threshold, -1f, 1f);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Train_faces_refuses_a_missing_input_folder_with_exit_code_2()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"sa-no-faces-{Guid.NewGuid():N}");
        var file = Path.Combine(Path.GetTempPath(), $"sa-face-{Guid.NewGuid():N}.onnx");

        var result = await SaCommand.RunAsync(TimeSpan.FromMinutes(1), "train", "faces", "--input", folder, "--output", file);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("does not exist", result.Error);
        Assert.False(File.Exists(file));
    }
}
