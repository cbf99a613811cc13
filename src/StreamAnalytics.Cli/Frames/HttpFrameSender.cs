using System.Diagnostics;
using System.Net.Http.Headers;

namespace StreamAnalytics.Cli.Frames;

/// <summary>What <see cref="HttpFrameSender.SendAsync"/> sent and what came back.</summary>
/// <param name="Sent">Frames posted.</param>
/// <param name="ByStatus">Answers by HTTP status code (0: no answer, the request failed).</param>
/// <param name="Elapsed">Time from the first frame to the last answer.</param>
/// <param name="LatenciesMs">Each answered request's latency, milliseconds.</param>
internal sealed record HttpFrameSummary(long Sent, IReadOnlyDictionary<int, long> ByStatus, TimeSpan Elapsed, IReadOnlyList<double> LatenciesMs);

/// <summary>
/// Posts frames to <c>POST /api/cameras/{cameraId}/frames</c>, one request loop per camera (a camera waits for its
/// answer before its next frame, as a real camera's uploader would), each paced to its frame rate.
/// </summary>
internal static class HttpFrameSender
{
    public static async Task<HttpFrameSummary> SendAsync(
        Uri baseAddress, string? apiKey, IReadOnlyList<string> cameraIds, IReadOnlyList<FileInfo> images, long frames, double fps, CancellationToken cancellation)
    {
        using var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        if (apiKey is not null)
        {
            http.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        }

        var bodies = images.Select(f => (Bytes: File.ReadAllBytes(f.FullName), Type: FrameFolder.ContentTypeOf(f))).ToArray();
        var byStatus = new Dictionary<int, long>();
        var latencies = new List<double>();
        var clock = Stopwatch.StartNew();
        long sent = 0;
        var perCamera = frames == 0 ? 0 : (frames + cameraIds.Count - 1) / cameraIds.Count;
        var loops = cameraIds.Select((camera, c) => Task.Run(async () =>
        {
            var cameraClock = Stopwatch.StartNew();
            // Each camera starts at its own place in the folder, as FrameSchedule does for Kafka.
            var offset = (long)c * bodies.Length / cameraIds.Count;
            for (var n = 0L; perCamera == 0 || n < perCamera; n++)
            {
                var image = (int)((n + offset) % bodies.Length);
                if (cancellation.IsCancellationRequested)
                {
                    break;
                }

                Interlocked.Increment(ref sent);
                using var content = new ByteArrayContent(bodies[image].Bytes);
                content.Headers.ContentType = new MediaTypeHeaderValue(bodies[image].Type);
                var started = Stopwatch.GetTimestamp();
                int status;
                try
                {
                    using var response = await http.PostAsync($"/api/cameras/{Uri.EscapeDataString(camera)}/frames", content, cancellation);
                    status = (int)response.StatusCode;
                }
                catch (HttpRequestException)
                {
                    status = 0;
                }
                catch (TaskCanceledException) when (!cancellation.IsCancellationRequested)
                {
                    status = 0;
                }

                var latency = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                lock (byStatus)
                {
                    byStatus[status] = byStatus.GetValueOrDefault(status) + 1;
                    latencies.Add(latency);
                }

                if (fps > 0 && TimeSpan.FromSeconds((n + 1) / fps) - cameraClock.Elapsed is { Ticks: > 0 } ahead)
                {
                    await Task.Delay(ahead, CancellationToken.None);
                }
            }
        }, CancellationToken.None)).ToArray();
        await Task.WhenAll(loops);
        return new HttpFrameSummary(sent, byStatus, clock.Elapsed, latencies);
    }
}
