using System.Text.Json;

namespace StreamAnalytics.IntegrationTests.Cli;

[Trait("Category", "Integration")]
public sealed class RatingEvalCommandTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task Eval_rating_on_a_csv_prints_each_fold_their_mean_the_baselines_and_the_prequential_gain_as_one_json()
    {
        using var csv = new RatingCsv(ratings: 3_000);

        var result = await SaCommand.RunAsync(
            Timeout, "eval", "rating", "--format", "csv", "--input", csv.Path, "--columns", "user,product,rating,timestamp",
            "--type", "rating", "--folds", "3", "--prequential", "--json");

        Assert.True(result.ExitCode == 0, result.Error);
        using var json = JsonDocument.Parse(result.Output);
        var root = json.RootElement;
        var folds = root.GetProperty("folds");
        Assert.Equal(3, folds.GetArrayLength());
        foreach (var fold in folds.EnumerateArray())
        {
            AssertMetrics(fold, "rmse", "mae", "r2");
        }

        AssertMetrics(root.GetProperty("mean"), "rmse", "mae", "r2");
        foreach (var baseline in new[] { "globalMean", "biases" })
        {
            var metrics = root.GetProperty("baselines").GetProperty(baseline);
            Assert.Equal(3, metrics.GetProperty("folds").GetArrayLength());
            AssertMetrics(metrics.GetProperty("mean"), "rmse", "mae", "r2");
        }

        var prequential = root.GetProperty("prequential");
        AssertMetrics(prequential.GetProperty("frozen"), "rmse", "mae", "r2");
        AssertMetrics(prequential.GetProperty("online"), "rmse", "mae", "r2");
        Assert.Equal(JsonValueKind.Number, prequential.GetProperty("rmseGain").ValueKind);

        // The ratings follow user and product biases, so the model must explain much of them.
        Assert.True(root.GetProperty("mean").GetProperty("r2").GetDouble() > 0.3, result.Output);
    }

    [Fact]
    public async Task Eval_rating_on_the_ecommerce_seed_protocol_reports_every_split_and_serves_nothing_worse_than_the_mean()
    {
        var folder = Path.GetDirectoryName(SharedDatasets.File("ecommerce", "customer_details.csv"))!;
        SharedDatasets.File("ecommerce", "E-commerece sales data 2024.csv");

        var result = await SaCommand.RunAsync(Timeout, "eval", "rating", "--format", "ecommerce", "--input", folder, "--json");

        Assert.True(result.ExitCode == 0, result.Error);
        using var json = JsonDocument.Parse(result.Output);
        var root = json.RootElement;
        foreach (var split in new[] { "train", "validation", "test" })
        {
            AssertMetrics(root.GetProperty(split), "mse", "r2");
        }

        var meanTest = root.GetProperty("baselines").GetProperty("globalMean").GetProperty("test");
        var served = root.GetProperty("served").GetProperty("test");
        Assert.True(served.GetProperty("mse").GetDouble() <= meanTest.GetProperty("mse").GetDouble() + 1e-9, result.Output);

        // No signal to learn (each user and product occurs once): a constant is the best honest answer, and its test R²
        // is −(training mean − test mean)² / test variance, within the 95% sampling bound of a mean for 2,099 training
        // and 451 test ratings (see RatingModelPipelineTests).
        var bound = -1.96 * 1.96 * ((1.0 / 2_099) + (1.0 / 451));
        Assert.True(served.GetProperty("r2").GetDouble() >= bound, result.Output);
    }

    [Fact]
    public async Task Eval_rating_refuses_a_single_fold_with_exit_code_2()
    {
        using var csv = new RatingCsv(ratings: 100);

        var result = await SaCommand.RunAsync(
            Timeout, "eval", "rating", "--format", "csv", "--input", csv.Path, "--columns", "user,product,rating,timestamp",
            "--type", "rating", "--folds", "1");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--folds must be at least 2", result.Error);
    }

    [Fact]
    public async Task Eval_rating_names_a_missing_input_file_with_exit_code_2()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"sa-missing-{Guid.NewGuid():N}.csv");

        var result = await SaCommand.RunAsync(
            Timeout, "eval", "rating", "--format", "csv", "--input", missing, "--columns", "user,product,rating,timestamp");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"{missing} does not exist", result.Error);
    }

    private static void AssertMetrics(JsonElement metrics, params string[] names)
    {
        foreach (var name in names)
        {
            Assert.Equal(JsonValueKind.Number, metrics.GetProperty(name).ValueKind);
        }
    }
}
