namespace StreamAnalytics.Grains.Models;

/// <summary>The bytes of one registered model version (key <c>{kind}/{number}</c>), stored durably and written once.</summary>
public interface IModelBlobGrain : IGrainWithStringKey
{
    /// <summary>Stores the bytes.</summary>
    Task Write(byte[] bytes);

    /// <summary>The bytes; null when never written.</summary>
    Task<byte[]?> Read();
}
