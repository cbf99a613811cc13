using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using StreamAnalytics.Inference.Hosting;
using StreamAnalytics.Inference.Rating;
using StreamAnalytics.ModelExport.Rating;

namespace StreamAnalytics.Inference.Tests;

public sealed class ModelHostTests
{
    private static readonly IReadOnlyList<string> Features = RatingWeightsFactory.FeatureNames(3);

    [Fact]
    public void A_host_without_a_model_answers_no_model()
    {
        using var host = new ModelHost<FakeModel>("rating");

        Assert.False(host.HasModel);
        Assert.Null(host.ActiveVersion);
        Assert.False(host.TryAcquire(out var lease));
        Assert.Null(lease);
        var error = Assert.Throws<NoModelLoadedException>(() => host.Acquire());
        Assert.Equal("No rating model is loaded yet.", error.Message);
    }

    [Fact]
    public async Task A_swap_makes_the_candidate_active()
    {
        using var host = new ModelHost<FakeModel>("rating");

        var first = await host.TrySwapAsync(() => new FakeModel("v1"));
        var second = await host.TrySwapAsync(() => new FakeModel("v2"));

        Assert.True(first.Swapped);
        Assert.Null(first.PreviousVersion);
        Assert.True(second.Swapped);
        Assert.Equal("v2", second.Version);
        Assert.Equal("v1", second.PreviousVersion);
        Assert.Equal("v2", host.ActiveVersion);
        using var lease = host.Acquire();
        Assert.Equal("v2", lease.Version);
    }

    [Fact]
    public async Task An_old_model_is_disposed_only_after_its_last_lease_ends()
    {
        using var host = new ModelHost<FakeModel>("rating");
        var old = new FakeModel("v1");
        await host.TrySwapAsync(() => old);
        var first = host.Acquire();
        var second = host.Acquire();

        await host.TrySwapAsync(() => new FakeModel("v2"));
        Assert.Equal("v2", host.ActiveVersion);
        Assert.False(old.IsDisposed);
        Assert.Same(old, first.Model);

        first.Dispose();
        first.Dispose();
        Assert.False(old.IsDisposed);

        second.Dispose();
        Assert.Equal(1, old.Disposals);
    }

    [Fact]
    public async Task A_model_that_is_still_active_is_not_disposed_when_its_leases_end()
    {
        using var host = new ModelHost<FakeModel>("rating");
        var model = new FakeModel("v1");
        await host.TrySwapAsync(() => model);

        host.Acquire().Dispose();

        Assert.False(model.IsDisposed);
    }

    [Fact]
    public async Task A_failing_build_keeps_the_old_version_active()
    {
        using var host = new ModelHost<RatingModel>("rating");
        await host.TrySwapAsync(() => Rating(2.5f, "v1"), RatingModelProbe.CheckAsync);

        var result = await host.TrySwapAsync(() => new RatingModel([1, 2, 3], Features), RatingModelProbe.CheckAsync);

        Assert.False(result.Swapped);
        Assert.Equal(ModelSwapStage.Build, result.FailedStage);
        Assert.Equal(ModelLoadFailure.Corrupt, Assert.IsType<ModelLoadException>(result.Error).Failure);
        Assert.StartsWith("Build failed: Corrupt:", result.Reason, StringComparison.Ordinal);
        Assert.Equal("v1", result.PreviousVersion);
        Assert.Equal("v1", host.ActiveVersion);
        using var lease = host.Acquire();
        Assert.Equal(2.5f, lease.Model.Predict([0L], [0L], new float[3], 1)[0]);
    }

    [Fact]
    public async Task A_failing_probe_keeps_the_old_version_active_and_disposes_the_candidate()
    {
        using var host = new ModelHost<FakeModel>("rating");
        await host.TrySwapAsync(() => new FakeModel("v1"));
        var candidate = new FakeModel("v2");

        var result = await host.TrySwapAsync(
            () => candidate, (_, _) => throw new InvalidOperationException("outputs are not finite"));

        Assert.False(result.Swapped);
        Assert.Equal(ModelSwapStage.Probe, result.FailedStage);
        Assert.Equal("v2", result.Version);
        Assert.Equal("Probe failed: outputs are not finite", result.Reason);
        Assert.Equal("v1", host.ActiveVersion);
        Assert.True(candidate.IsDisposed);
    }

    [Fact]
    public async Task Swaps_and_failures_are_logged_with_the_versions()
    {
        var logger = new ListLogger();
        using var host = new ModelHost<FakeModel>("rating", logger);
        await host.TrySwapAsync(() => new FakeModel("v1"));

        await host.TrySwapAsync(() => throw new InvalidDataException("sha256 mismatch"));

        Assert.Collection(
            logger.Entries,
            swapped =>
            {
                Assert.Equal(LogLevel.Information, swapped.Level);
                Assert.Equal("Model rating: version v1 is active (was none).", swapped.Message);
            },
            failed =>
            {
                Assert.Equal(LogLevel.Warning, failed.Level);
                Assert.Equal("Model rating: building a candidate failed; version v1 keeps serving.", failed.Message);
                Assert.Equal("sha256 mismatch", failed.Exception?.Message);
            });
    }

    [Fact]
    public async Task The_rating_probe_rejects_a_model_that_predicts_nan()
    {
        using var host = new ModelHost<RatingModel>("rating");
        await host.TrySwapAsync(() => Rating(1f, "v1"), RatingModelProbe.CheckAsync);
        var nan = RatingWeightsFactory.Constant(float.NaN);

        var result = await host.TrySwapAsync(() => new RatingModel(RatingOnnxExporter.Export(nan, "v2", DateTimeOffset.UnixEpoch), Features), RatingModelProbe.CheckAsync);

        Assert.False(result.Swapped);
        Assert.Equal(ModelSwapStage.Probe, result.FailedStage);
        Assert.Contains("NaN", result.Reason, StringComparison.Ordinal);
        Assert.Equal("v1", host.ActiveVersion);
    }

    [Fact]
    public async Task A_cancelled_swap_keeps_the_old_version_and_disposes_the_candidate()
    {
        using var host = new ModelHost<FakeModel>("rating");
        await host.TrySwapAsync(() => new FakeModel("v1"));
        using var cancel = new CancellationTokenSource();
        var candidate = new FakeModel("v2");

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => host.TrySwapAsync(
            () => candidate,
            (_, token) =>
            {
                cancel.Cancel();
                token.ThrowIfCancellationRequested();
                return ValueTask.CompletedTask;
            },
            cancel.Token));

        Assert.Equal("v1", host.ActiveVersion);
        Assert.True(candidate.IsDisposed);
    }

    [Fact]
    public async Task Disposing_the_host_disposes_the_active_model_once_its_leases_end()
    {
        var host = new ModelHost<FakeModel>("rating");
        var model = new FakeModel("v1");
        await host.TrySwapAsync(() => model);
        var lease = host.Acquire();

        host.Dispose();

        Assert.False(host.HasModel);
        Assert.False(model.IsDisposed);
        lease.Dispose();
        Assert.True(model.IsDisposed);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => host.TrySwapAsync(() => new FakeModel("v2")));
    }

    [Fact]
    public async Task Predictions_on_many_threads_never_fail_while_models_are_swapped()
    {
        const int swaps = 20;
        using var host = new ModelHost<RatingModel>("rating");
        var activated = new ConcurrentDictionary<float, bool>();
        activated[0] = true;
        Assert.True((await host.TrySwapAsync(() => Rating(0, "v0"), RatingModelProbe.CheckAsync)).Swapped);

        using var stop = new CancellationTokenSource();
        var observed = new ConcurrentDictionary<float, int>();
        var failures = new ConcurrentQueue<Exception>();
        var calls = 0L;
        var workers = Enumerable.Range(0, 8).Select(worker => Task.Factory.StartNew(
            () =>
            {
                var users = new long[4];
                var products = new long[4];
                var features = new float[4 * Features.Count];
                var ratings = new float[4];
                while (!stop.IsCancellationRequested)
                {
                    try
                    {
                        using var lease = host.Acquire();
                        lease.Model.Predict(users, products, features, ratings);
                        var expected = float.Parse(lease.Version.AsSpan(1), provider: null);
                        foreach (var rating in ratings)
                        {
                            Assert.Equal(expected, rating);
                            observed.AddOrUpdate(rating, 1, (_, n) => n + 1);
                        }

                        Interlocked.Increment(ref calls);
                    }
                    catch (Exception e)
                    {
                        failures.Enqueue(e);
                    }
                }
            },
            TaskCreationOptions.LongRunning)).ToArray();

        for (var version = 1; version <= swaps; version++)
        {
            var v = version;
            var result = await host.TrySwapAsync(() => Rating(v, $"v{v}"), RatingModelProbe.CheckAsync);
            Assert.True(result.Swapped, result.Reason);
            activated[v] = true;
            await Task.Delay(5);
        }

        // Let the workers reach the last version before stopping them, however loaded the machine is.
        for (var waited = 0; !observed.ContainsKey(swaps) && waited < 10_000; waited += 10)
        {
            await Task.Delay(10);
        }

        await stop.CancelAsync();
        await Task.WhenAll(workers);

        Assert.Empty(failures);
        Assert.True(calls > swaps, $"only {calls} calls ran");
        Assert.All(observed.Keys, rating => Assert.True(activated.ContainsKey(rating), $"rating {rating} came from no activated version"));
        Assert.Contains((float)swaps, observed.Keys);
        Assert.Equal($"v{swaps}", host.ActiveVersion);
    }

    [Fact]
    public async Task Every_replaced_model_is_disposed_exactly_once_and_never_while_leased()
    {
        using var host = new ModelHost<FakeModel>("rating");
        var models = new ConcurrentQueue<FakeModel>();
        FakeModel Build(int version)
        {
            var model = new FakeModel($"v{version}");
            models.Enqueue(model);
            return model;
        }

        await host.TrySwapAsync(() => Build(0));
        using var stop = new CancellationTokenSource();
        var usedAfterDispose = 0;
        var workers = Enumerable.Range(0, 8).Select(_ => Task.Factory.StartNew(
            () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    using var lease = host.Acquire();
                    Thread.SpinWait(50);
                    if (lease.Model.IsDisposed)
                    {
                        Interlocked.Increment(ref usedAfterDispose);
                    }
                }
            },
            TaskCreationOptions.LongRunning)).ToArray();

        for (var version = 1; version <= 200; version++)
        {
            var v = version;
            await host.TrySwapAsync(() => Build(v));
        }

        await stop.CancelAsync();
        await Task.WhenAll(workers);

        Assert.Equal(0, usedAfterDispose);
        var all = models.ToArray();
        Assert.All(all[..^1], model => Assert.Equal(1, model.Disposals));
        Assert.Equal(0, all[^1].Disposals);
    }

    private static RatingModel Rating(float value, string version) =>
        new(RatingOnnxExporter.Export(RatingWeightsFactory.Constant(value), version, DateTimeOffset.UnixEpoch), Features);
}
