namespace StreamAnalytics.Grains.Models;

/// <summary>Stores one model version's bytes (see <see cref="IModelBlobGrain"/>).</summary>
public sealed class ModelBlobGrain([PersistentState("model")] IPersistentState<ModelBlobState> state) : Grain, IModelBlobGrain
{
    public async Task Write(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        state.State.Bytes = bytes;
        await state.WriteStateAsync();
    }

    public Task<byte[]?> Read() => Task.FromResult(state.State.Bytes);
}
