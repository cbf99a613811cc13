using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StreamAnalytics.Abstractions.Faces;
using StreamAnalytics.Abstractions.Grains;
using StreamAnalytics.Inference.Faces;
using StreamAnalytics.Inference.Gallery;
using StreamAnalytics.Inference.Hosting;

namespace StreamAnalytics.Grains.Faces;

/// <summary>
/// Keeps this silo's face galleries in step with the cluster's identities. There is one gallery per face model version
/// (embeddings of different versions are not comparable): the active model's, and during a swap the candidate's,
/// built by <see cref="PrepareAsync"/> before the candidate goes live, so a frame's embedding is always searched in a
/// gallery embedded by the same version. Every <see cref="FaceServingOptions.GallerySyncInterval"/> it asks the
/// <see cref="IIdentityDirectoryGrain"/> what changed and fetches those identities' stored faces (re-embedding them
/// locally when they were stored under another version).
/// </summary>
public sealed partial class GallerySynchronizer(
    IGrainFactory grains,
    ModelHost<FaceModel> models,
    IOptions<FaceServingOptions> options,
    ILogger<GallerySynchronizer> logger) : BackgroundService
{
    // Identities fetched at once when a gallery is built: enough to hide call latency, few enough to stay polite.
    private const int FetchConcurrency = 16;

    private static readonly TimeSpan CandidateGalleryLifetime = TimeSpan.FromMinutes(2);

    // Re-embedding runs the model on the caller's thread: one identity at a time, so building a gallery (a swap, a
    // catch-up) takes at most one core from the frames being served, whatever the fetch concurrency.
    private readonly SemaphoreSlim _embedding = new(1, 1);

    private readonly ConcurrentDictionary<string, SiloGallery> _galleries = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _lock = new(1, 1);
    private bool _failing;

    private IIdentityDirectoryGrain Directory => grains.GetGrain<IIdentityDirectoryGrain>(IIdentityDirectoryGrain.Key);

    /// <summary>The gallery embedded by <paramref name="modelVersion"/>; null until it is built.</summary>
    public FaceGallery? For(string modelVersion) => _galleries.TryGetValue(modelVersion, out var gallery) ? gallery.Gallery : null;

    /// <summary>Identities in the active model's gallery (0 before it is built).</summary>
    public int ActiveCount => models.ActiveVersion is { } version && For(version) is { } gallery ? gallery.Count : 0;

    /// <summary>
    /// Builds the gallery of <paramref name="candidate"/> from every stored face, before the candidate goes live (call
    /// it from the swap's probe: a failure rejects the candidate and the active model keeps serving).
    /// </summary>
    public async Task PrepareAsync(FaceModel candidate, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        await _lock.WaitAsync(cancellationToken);
        try
        {
            await BuildLockedAsync(candidate, cancellationToken);
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>Catches the active model's gallery up with the directory now (after an enrolment or deletion through this silo).</summary>
    public async Task SyncNowAsync(CancellationToken cancellationToken = default)
    {
        if (!models.TryAcquire(out var lease))
        {
            return;
        }

        using (lease)
        {
            await _lock.WaitAsync(cancellationToken);
            try
            {
                if (!_galleries.TryGetValue(lease.Model.Version, out var gallery))
                {
                    await BuildLockedAsync(lease.Model, cancellationToken);
                }
                else
                {
                    await CatchUpLockedAsync(lease.Model, gallery, cancellationToken);
                }

                // Galleries of versions no longer served are garbage, except a candidate's built moments ago for a swap
                // that has not installed it yet.
                var stale = DateTimeOffset.UtcNow - CandidateGalleryLifetime;
                foreach (var (version, old) in _galleries)
                {
                    if (version != lease.Model.Version && version != models.ActiveVersion && old.BuiltAt < stale)
                    {
                        _galleries.TryRemove(version, out _);
                    }
                }
            }
            finally
            {
                _lock.Release();
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.GallerySyncInterval);
        do
        {
            try
            {
                await SyncNowAsync(stoppingToken);
                if (_failing)
                {
                    _failing = false;
                    LogRecovered();
                }
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // The silo may still be starting, or the directory's silo moving: log once, keep trying.
                if (!_failing)
                {
                    _failing = true;
                    LogSyncFailed(e);
                }
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    private async Task BuildLockedAsync(FaceModel model, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var gallery = new FaceGallery(model.EmbeddingSize, new FaceGalleryOptions
        {
            Threshold = settings.Threshold ?? model.Threshold,
            MaxIdentities = settings.MaxIdentities,
            MaxEmbeddingsPerIdentity = settings.MaxFacesPerIdentity,
        });
        var changes = await Directory.ChangesSince(0);
        await LoadAsync(model, gallery, changes.Changed, cancellationToken);
        _galleries[model.Version] = new SiloGallery(model.Version, gallery, changes.Version);
        LogBuilt(model.Version, gallery.Count);
    }

    private async Task CatchUpLockedAsync(FaceModel model, SiloGallery gallery, CancellationToken cancellationToken)
    {
        var changes = await Directory.ChangesSince(gallery.DirectoryVersion);
        if (changes.Version == gallery.DirectoryVersion && !changes.Reset)
        {
            return;
        }

        if (changes.Reset)
        {
            foreach (var identity in gallery.Gallery.Identities.Except(changes.Changed, StringComparer.Ordinal))
            {
                gallery.Gallery.Remove(identity);
            }
        }

        foreach (var identity in changes.Removed)
        {
            gallery.Gallery.Remove(identity);
        }

        await LoadAsync(model, gallery.Gallery, changes.Changed, cancellationToken);
        gallery.DirectoryVersion = changes.Version;
    }

    private async Task<float[][]> EmbedAsync(FaceModel model, IdentityFaces faces, CancellationToken cancellationToken)
    {
        await _embedding.WaitAsync(cancellationToken);
        try
        {
            return await BackgroundWork.RunAsync(() => FacePixels.Embed(model, faces.Images), cancellationToken);
        }
        finally
        {
            _embedding.Release();
        }
    }

    private Task LoadAsync(FaceModel model, FaceGallery gallery, IReadOnlyList<string> identities, CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(
            identities,
            new ParallelOptions { MaxDegreeOfParallelism = FetchConcurrency, CancellationToken = cancellationToken },
            async (identity, _) =>
            {
                var faces = await grains.GetGrain<IIdentityGrain>(identity).GetFaces(model.Version);
                if (faces is null)
                {
                    // Deleted since the directory listed it; its removal is the next change.
                    gallery.Remove(identity);
                    return;
                }

                var embeddings = faces.ModelVersion == model.Version ? faces.Embeddings : await EmbedAsync(model, faces, cancellationToken);
                try
                {
                    gallery.Replace(identity, embeddings);
                }
                catch (Exception e) when (e is GalleryLimitExceededException or ArgumentException)
                {
                    LogNotLoaded(e, model.Version);
                }
            });

    [LoggerMessage(1, LogLevel.Information, "Face gallery for model {Version} built with {Count} identities.")]
    private partial void LogBuilt(string version, int count);

    [LoggerMessage(2, LogLevel.Warning, "Synchronising the face gallery failed; retrying every interval.")]
    private partial void LogSyncFailed(Exception exception);

    [LoggerMessage(3, LogLevel.Information, "Face gallery synchronisation recovered.")]
    private partial void LogRecovered();

    [LoggerMessage(4, LogLevel.Warning, "An identity could not be loaded into the face gallery of model {Version}.")]
    private partial void LogNotLoaded(Exception exception, string version);
}
