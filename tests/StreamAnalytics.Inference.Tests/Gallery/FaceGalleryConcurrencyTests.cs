using StreamAnalytics.Inference.Gallery;
using static StreamAnalytics.Inference.Tests.Gallery.Embeddings;

namespace StreamAnalytics.Inference.Tests.Gallery;

public sealed class FaceGalleryConcurrencyTests
{
    private const int Readers = 4;
    private const int Writes = 3_000;

    [Fact]
    public async Task Searches_during_enrolments_and_removals_always_see_a_whole_gallery()
    {
        var gallery = new FaceGallery(Size, new FaceGalleryOptions { MaxIdentities = 1_000, Threshold = 0.9f });
        gallery.Add("stable", [Axis(0)]);
        using var readersStarted = new CountdownEvent(Readers);
        var writerDone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        // The writer starts once every reader is searching, and enrols and removes identities orthogonal to the probe.
        var writer = OnOwnThread(() =>
        {
            readersStarted.Wait(TimeSpan.FromSeconds(30));
            var random = new Random(5);
            for (var i = 0; i < Writes; i++)
            {
                var name = $"churn-{random.Next(200)}";
                if (!gallery.Remove(name))
                {
                    gallery.Add(name, [Axis(1 + random.Next(Size - 1)), Axis(1 + random.Next(Size - 1))]);
                }
            }

            writerDone.SetResult();
            return 0;
        });

        var readers = Enumerable.Range(0, Readers).Select(_ => OnOwnThread(() =>
        {
            var problems = 0;
            var searches = 0;
            while (searches < 100 || !writerDone.Task.IsCompleted)
            {
                var result = gallery.Identify(Axis(0), k: 5);
                var scores = result.Candidates.Select(c => c.Score).ToArray();
                var ordered = scores.Zip(scores.Skip(1)).All(pair => pair.First >= pair.Second);
                var distinct = result.Candidates.Select(c => c.Identity).Distinct().Count() == result.Candidates.Count;
                if (result.Identity != "stable" || result.Score != 1f || !ordered || !distinct)
                {
                    problems++;
                }

                if (++searches == 1)
                {
                    readersStarted.Signal();
                }
            }

            return problems;
        })).ToList();

        var problems = await Task.WhenAll(readers);
        await writer;

        Assert.Equal(new int[Readers], problems);
    }

    // Threads of their own: spinning readers must not keep the writer waiting for the thread pool to grow.
    private static Task<int> OnOwnThread(Func<int> work) =>
        Task.Factory.StartNew(work, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
}
