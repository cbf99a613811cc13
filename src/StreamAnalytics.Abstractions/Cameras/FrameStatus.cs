namespace StreamAnalytics.Abstractions.Cameras;

/// <summary>What became of one camera frame.</summary>
public enum FrameStatus
{
    /// <summary>The face matched an enrolled identity at or above the open-set threshold.</summary>
    Identified,

    /// <summary>The face matched nobody enrolled well enough (or the gallery is empty).</summary>
    Unknown,

    /// <summary>The bytes are not an acceptable image; the outcome's reason says why (HTTP 400).</summary>
    Rejected,

    /// <summary>The silo's inference queue was full; the frame was not processed (HTTP 429).</summary>
    Overloaded,

    /// <summary>No face model is loaded on the silo yet (HTTP 503).</summary>
    NoModel,
}
