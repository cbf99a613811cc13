namespace StreamAnalytics.Cli.Frames;

/// <summary>
/// Which camera sends which image next: cameras take turns, each walking the image list from its own offset (so
/// concurrent cameras do not send the same picture at the same moment), for <c>passes</c> rounds of the folder.
/// </summary>
internal static class FrameSchedule
{
    /// <summary>(camera index, image index) pairs in sending order; <paramref name="frames"/> of them, or endless when 0.</summary>
    public static IEnumerable<(int Camera, int Image)> Create(int cameras, int images, long frames)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(cameras, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(images, 1);
        for (long n = 0; frames == 0 || n < frames; n++)
        {
            var camera = (int)(n % cameras);
            var round = n / cameras;
            yield return (camera, (int)((round + ((long)camera * images / cameras)) % images));
        }
    }
}
