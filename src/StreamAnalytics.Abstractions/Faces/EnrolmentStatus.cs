namespace StreamAnalytics.Abstractions.Faces;

/// <summary>What became of one enrolment image.</summary>
public enum EnrolmentStatus
{
    /// <summary>The face was stored and embedded; the identity is (still) enrolled.</summary>
    Enrolled,

    /// <summary>The bytes are not an acceptable image (HTTP 400).</summary>
    Rejected,

    /// <summary>The identity already holds its maximum of faces, or the gallery its maximum of identities (HTTP 409).</summary>
    LimitReached,

    /// <summary>No face model is loaded to embed the face (HTTP 503).</summary>
    NoModel,
}
