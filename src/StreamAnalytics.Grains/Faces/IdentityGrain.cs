using Microsoft.Extensions.Options;
using StreamAnalytics.Abstractions.Faces;
using StreamAnalytics.Abstractions.Grains;
using StreamAnalytics.Grains.Placement;
using StreamAnalytics.Imaging;
using StreamAnalytics.Inference.Faces;
using StreamAnalytics.Inference.Hosting;

namespace StreamAnalytics.Grains.Faces;

/// <summary>
/// One enrolled person: the fitted face images and their embeddings, in grain storage. Every stored embedding comes
/// from one model version; enrolling with a newer model re-embeds the stored faces first. Each change is reported to
/// the <see cref="IIdentityDirectoryGrain"/> after it is stored, so a silo that hears of it reads the stored faces.
/// </summary>
[WorkerPlacementFilter]
public sealed class IdentityGrain(
    [PersistentState("identity")] IPersistentState<IdentityState> state,
    ModelHost<FaceModel> models,
    IOptions<FaceServingOptions> options) : Grain, IIdentityGrain
{
    private string Identity => this.GetPrimaryKeyString();

    private IIdentityDirectoryGrain Directory => GrainFactory.GetGrain<IIdentityDirectoryGrain>(IIdentityDirectoryGrain.Key);

    public async Task<EnrolmentOutcome> Enrol(byte[] image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var max = options.Value.MaxFacesPerIdentity;
        if (state.State.Images.Count >= max)
        {
            return new EnrolmentOutcome(EnrolmentStatus.LimitReached, View(), $"The identity already has the maximum of {max} faces.");
        }

        byte[] face;
        try
        {
            face = FacePixels.DecodeToStored(image);
        }
        catch (InvalidImageException e)
        {
            return new EnrolmentOutcome(EnrolmentStatus.Rejected, View(), e.Message);
        }

        if (!models.TryAcquire(out var lease))
        {
            return new EnrolmentOutcome(EnrolmentStatus.NoModel, View(), "No face model is loaded yet to embed the face.");
        }

        var previous = Snapshot();
        using (lease)
        {
            var model = lease.Model;
            var images = state.State.Images.Append(face).ToList();
            // One version for all stored embeddings: a face enrolled under a newer model brings the others along.
            var embeddings = state.State.ModelVersion == model.Version
                ? [.. state.State.Embeddings, FacePixels.Embed(model, [face])[0]]
                : FacePixels.Embed(model, images).ToList();
            state.State.Images = images;
            state.State.Embeddings = embeddings;
            state.State.ModelVersion = model.Version;
            state.State.UpdatedAt = DateTimeOffset.UtcNow;
        }

        await state.WriteStateAsync();
        if (await Directory.Changed(Identity) < 0)
        {
            await Restore(previous);
            return new EnrolmentOutcome(
                EnrolmentStatus.LimitReached, View(), $"The gallery already holds the maximum of {options.Value.MaxIdentities} identities.");
        }

        return new EnrolmentOutcome(EnrolmentStatus.Enrolled, View(), null);
    }

    public Task<IdentityView?> Describe() => Task.FromResult(View());

    public Task<IdentityFaces?> GetFaces(string modelVersion)
    {
        ArgumentNullException.ThrowIfNull(modelVersion);
        if (state.State.Images.Count == 0)
        {
            return Task.FromResult<IdentityFaces?>(null);
        }

        // The images travel only when the asking silo has to re-embed them.
        var images = state.State.ModelVersion == modelVersion ? [] : state.State.Images;
        return Task.FromResult<IdentityFaces?>(new IdentityFaces(state.State.ModelVersion, [.. state.State.Embeddings], [.. images]));
    }

    public async Task<bool> Delete()
    {
        if (state.State.Images.Count == 0)
        {
            return false;
        }

        await state.ClearStateAsync();
        state.State = new IdentityState();
        await Directory.Removed(Identity);
        DeactivateOnIdle();
        return true;
    }

    private IdentityView? View() => state.State.Images.Count == 0
        ? null
        : new IdentityView(Identity, state.State.Images.Count, state.State.ModelVersion, state.State.UpdatedAt);

    private IdentityState Snapshot() => new()
    {
        Images = [.. state.State.Images],
        Embeddings = [.. state.State.Embeddings],
        ModelVersion = state.State.ModelVersion,
        UpdatedAt = state.State.UpdatedAt,
    };

    private async Task Restore(IdentityState previous)
    {
        if (previous.Images.Count == 0)
        {
            await state.ClearStateAsync();
            state.State = new IdentityState();
            return;
        }

        state.State = previous;
        await state.WriteStateAsync();
    }
}
