using StreamAnalytics.Abstractions.Faces;

namespace StreamAnalytics.Abstractions.Grains;

/// <summary>
/// One enrolled person, keyed by identity: the face images they were enrolled with (fitted to the model's input) and
/// their embeddings, in grain storage.
/// </summary>
public interface IIdentityGrain : IGrainWithStringKey
{
    /// <summary>
    /// Decodes and fits <paramref name="image"/>, embeds it with the silo's face model and stores both; the identity
    /// is enrolled with its first face. A bad image, a full identity or a missing model is an outcome, not an exception.
    /// </summary>
    Task<EnrolmentOutcome> Enrol(byte[] image);

    /// <summary>The identity, or null when it is not enrolled.</summary>
    Task<IdentityView?> Describe();

    /// <summary>The stored faces for a gallery embedding with <paramref name="modelVersion"/> (see <see cref="IdentityFaces"/>);
    /// null when the identity is not enrolled.</summary>
    Task<IdentityFaces?> GetFaces(string modelVersion);

    /// <summary>Deletes every stored face and embedding of the identity; false when it was not enrolled.</summary>
    Task<bool> Delete();
}
