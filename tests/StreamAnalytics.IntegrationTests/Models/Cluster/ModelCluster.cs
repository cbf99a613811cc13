using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.Runtime.Placement;
using Orleans.Storage;
using Orleans.TestingHost;
using StreamAnalytics.Abstractions;
using StreamAnalytics.Abstractions.Grains;
using StreamAnalytics.Abstractions.Models;
using StreamAnalytics.Grains.Models;
using StreamAnalytics.Grains.Training;
using StreamAnalytics.IntegrationTests.EndToEnd;
using StreamAnalytics.IntegrationTests.Faces;
using StreamAnalytics.Silo;
using StreamAnalytics.Silo.Cluster;
using StreamAnalytics.Streaming.Kafka.Embedded;

namespace StreamAnalytics.IntegrationTests.Models.Cluster;

/// <summary>
/// An in-process TestingHost cluster whose silos are composed as the silo host composes its own
/// (<see cref="SiloHostingExtensions.AddStreamAnalyticsGrains"/>): silos 0 and 1 are workers, silo 2 the trainer, each
/// silo's role coming from its own <c>Orleans:Role</c> as in a deployment. The Kafka streams run on an embedded broker
/// (the grains subscribe to their streams when they activate, so the provider must exist); grain state is kept in
/// <see cref="DurableTestStorage"/>, so a killed silo loses its activations but not what they stored, as with Redis.
/// It starts with a rating and a face model active on every silo and <see cref="Identities"/> enrolled, enough for a
/// face retraining.
/// </summary>
public sealed class ModelCluster : IAsyncLifetime
{
    /// <summary>The worker silos the cluster starts with (silos 0 and 1); the trainer is silo 2.</summary>
    public const int InitialWorkers = 2;

    /// <summary>How long after an activation every silo must serve the new version (issue 7).</summary>
    public static readonly TimeSpan SwapBound = TimeSpan.FromSeconds(5);

    private const string RoleKey = $"{Silo.SiloOptions.SectionName}:{nameof(Silo.SiloOptions.Role)}";

    private EmbeddedKafkaBroker? _broker;
    private TestCluster? _cluster;
    private volatile string _nextRole = SiloRoles.Worker;
    private int _starting;

    /// <summary>
    /// The enrolled people, 6 (the least a face retraining accepts) with 4 faces each: ORL images 1 to 3, then image 1
    /// again. A retraining holds each person's last face out, so any model finds every held-out face among the
    /// training faces (the same image): the active model scores 100% on the gate, and a retrained candidate can never
    /// be better, which makes the gate's refusal deterministic.
    /// </summary>
    public IReadOnlyList<string> Identities { get; } = [.. Enumerable.Range(21, 6).Select(person => $"cluster-s{person}")];

    /// <summary>A frame of an enrolled person that was not enrolled itself.</summary>
    public byte[] Frame { get; } = File.ReadAllBytes(TrainedFaceModel.Images(21)[6]);

    /// <summary>The test cluster; its client calls the workers' gateways.</summary>
    public TestCluster Cluster => _cluster ?? throw new InvalidOperationException("The cluster is not deployed.");

    /// <summary>The cluster client's grain factory.</summary>
    public IGrainFactory Grains => Cluster.GrainFactory;

    /// <summary>The silos running now, workers and trainers.</summary>
    public IReadOnlyList<SiloHandle> Silos => [.. Cluster.GetActiveSilos()];

    /// <summary>The running silos with the worker role.</summary>
    public IReadOnlyList<SiloHandle> Workers => [.. Silos.Where(silo => Roles(silo).Contains(SiloRoles.Worker))];

    /// <summary>The running silos with the trainer role.</summary>
    public IReadOnlyList<SiloHandle> Trainers => [.. Silos.Where(silo => Roles(silo).Contains(SiloRoles.Trainer))];

    /// <summary>The roles a silo was composed with (what it publishes as silo metadata).</summary>
    public static IReadOnlySet<string> Roles(SiloHandle silo) => Services(silo).GetRequiredService<LocalSiloRoles>().Roles;

    /// <summary>The version of <paramref name="kind"/> that <paramref name="silo"/>'s own model host serves; null when none.</summary>
    public static string? ServedVersion(SiloHandle silo, string kind) => Services(silo).GetRequiredKeyedService<IModelInstaller>(kind).ActiveVersion;

    /// <summary>The registry of <paramref name="kind"/>.</summary>
    public IModelRegistryGrain Registry(string kind) => Grains.GetGrain<IModelRegistryGrain>(kind);

    /// <summary>Registers <paramref name="onnx"/> as an upload.</summary>
    public Task<ModelVersionInfo> RegisterAsync(string kind, byte[] onnx) => Registry(kind).Register(onnx, new Dictionary<string, double>(), "upload");

    /// <summary>Activates version <paramref name="number"/> (a rollback when it is an earlier one).</summary>
    public async Task<ModelVersionInfo> ActivateAsync(string kind, int number) =>
        await Registry(kind).Activate(number) ?? throw new InvalidOperationException($"{kind} has no version {number}.");

    /// <summary>Registers and activates <paramref name="onnx"/>, which must pass validation.</summary>
    public async Task<ModelVersionInfo> RegisterAndActivateAsync(string kind, byte[] onnx)
    {
        var registered = await RegisterAsync(kind, onnx);
        Assert.True(registered.Status == ModelVersionStatus.Candidate, $"{kind} {registered.Version} was not registered as a candidate: {registered.Status} {registered.Reason}");
        var active = await ActivateAsync(kind, registered.Number);
        Assert.Equal(ModelVersionStatus.Active, active.Status);
        return active;
    }

    /// <summary>
    /// Waits until every running silo serves <paramref name="version"/> of <paramref name="kind"/>; fails after
    /// <paramref name="within"/> naming what each silo served. Returns how long it took.
    /// </summary>
    public async Task<TimeSpan> WaitUntilEverySiloServesAsync(string kind, string version, TimeSpan within)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var silos = Silos;
            if (silos.All(silo => ServedVersion(silo, kind) == version))
            {
                return clock.Elapsed;
            }

            Assert.True(
                clock.Elapsed < within,
                $"{kind} {version} was not served by every silo within {within.TotalSeconds} s: {Describe(silos, kind)}");
            await Task.Delay(20);
        }
    }

    /// <summary>Fails if any silo serves anything but the given versions at any time during <paramref name="during"/>.</summary>
    public async Task AssertEverySiloKeepsServingAsync(TimeSpan during, params (string Kind, string Version)[] expected)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < during)
        {
            foreach (var (kind, version) in expected)
            {
                Assert.True(Silos.All(silo => ServedVersion(silo, kind) == version), $"{kind}: {Describe(Silos, kind)}");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>What each silo serves, for failure messages.</summary>
    public static string Describe(IEnumerable<SiloHandle> silos, string kind) =>
        string.Join(", ", silos.Select(silo => $"{silo.Name} ({string.Join(",", Roles(silo))}) {ServedVersion(silo, kind) ?? "none"}"));

    /// <summary>The silo an activation of <paramref name="grain"/> lives on; null when it is not active.</summary>
    public SiloHandle? HostOf(IAddressable grain) =>
        Cluster.TryGetGrainContext(grain.GetGrainId(), out var context)
            ? Silos.FirstOrDefault(silo => silo.SiloAddress.Equals(context.Address.SiloAddress))
            : null;

    /// <summary>
    /// Activates <paramref name="count"/> (user, product) pairs and cameras named after <paramref name="prefix"/>, the
    /// i-th on the i-th worker in turn (a placement hint, which also places the product grain the user grain calls), so
    /// a load over them is spread across every worker. Fails if a grain landed elsewhere.
    /// </summary>
    public async Task<(List<(string User, string Product)> Pairs, List<string> Cameras)> ActivateOnWorkersAsync(string prefix, int count)
    {
        var workers = Workers;
        var pairs = new List<(string User, string Product)>();
        var cameras = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var worker = workers[i % workers.Count];
            var (user, product, camera) = ($"{prefix}-user-{i}", $"{prefix}-product-{i}", $"{prefix}-camera-{i}");
            RequestContext.Set(IPlacementDirector.PlacementHintKey, worker.SiloAddress);
            try
            {
                Assert.NotNull(await Grains.GetGrain<IUserGrain>(user).PredictRating(product));
                await Grains.GetGrain<ICameraGrain>(camera).GetStats();
            }
            finally
            {
                RequestContext.Remove(IPlacementDirector.PlacementHintKey);
            }

            foreach (var grain in new IAddressable[] { Grains.GetGrain<IUserGrain>(user), Grains.GetGrain<IProductGrain>(product), Grains.GetGrain<ICameraGrain>(camera) })
            {
                Assert.True(HostOf(grain) == worker, $"{grain.GetGrainId()} lives on {HostOf(grain)?.Name ?? "no silo"}, not {worker.Name}");
            }

            pairs.Add((user, product));
            cameras.Add(camera);
        }

        return (pairs, cameras);
    }

    /// <summary>Starts another silo with <paramref name="role"/>; it joins the running cluster. One start at a time.</summary>
    public async Task<SiloHandle> StartSiloAsync(string role)
    {
        if (Interlocked.Exchange(ref _starting, 1) == 1)
        {
            throw new InvalidOperationException("Silos start one at a time: the role is handed to the next silo created.");
        }

        try
        {
            _nextRole = role;
            // A new port every time: a killed silo's port may not be free yet.
            return await Cluster.StartAdditionalSiloAsync(startAdditionalSiloOnNewPort: true);
        }
        finally
        {
            _nextRole = SiloRoles.Worker;
            Volatile.Write(ref _starting, 0);
        }
    }

    /// <summary>Kills a silo without a graceful shutdown (a crash): the others find out through membership probes.</summary>
    public Task KillSiloAsync(SiloHandle silo) => Cluster.KillSiloAsync(silo);

    public async Task InitializeAsync()
    {
        _broker = EmbeddedKafkaBroker.Start(brokerCount: 1);
        foreach (var (topic, partitions) in new[] { (TopicNames.Interactions, 2), (TopicNames.InteractionsDeadLetter, 1), (TopicNames.Frames, 2), (TopicNames.FramesDeadLetter, 1), (TopicNames.Identifications, 2) })
        {
            _broker.CreateTopic(topic, partitions);
        }

        var builder = new TestClusterBuilder(InitialWorkers);
        builder.Options.ServiceId = $"model-cluster-{Guid.NewGuid():N}";
        builder.ConfigureHostConfiguration(config => config.AddInMemoryCollection(Settings(_broker.BootstrapServers)));
        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        _cluster = builder.Build();
        // Each silo's own configuration gets its role on top of the cluster's: the silo host reads Orleans:Role alone.
        _cluster.CreateSiloAsync = (name, configuration) => _cluster.DefaultCreateSiloAsync(
            name,
            new ConfigurationBuilder().AddConfiguration(configuration).AddInMemoryCollection([new(RoleKey, _nextRole)]).Build());
        await _cluster.DeployAsync();
        await StartSiloAsync(SiloRoles.Trainer);

        await RegisterAndActivateAsync(ModelKinds.Rating, ClusterModels.Rating("cluster-rating-0"));
        await RegisterAndActivateAsync(ModelKinds.Face, ClusterModels.Face("cluster-face-0"));
        // The first install also waits for each silo's first poll after its start.
        await WaitUntilEverySiloServesAsync(ModelKinds.Rating, "cluster-rating-0", TimeSpan.FromSeconds(30));
        await WaitUntilEverySiloServesAsync(ModelKinds.Face, "cluster-face-0", TimeSpan.FromSeconds(30));
        foreach (var (identity, person) in Identities.Select((identity, i) => (identity, 21 + i)))
        {
            var images = TrainedFaceModel.Images(person);
            foreach (var image in new[] { images[0], images[1], images[2], images[0] })
            {
                var enrolled = await Grains.GetGrain<IIdentityGrain>(identity).Enrol(await File.ReadAllBytesAsync(image));
                Assert.True(enrolled.Status == Abstractions.Faces.EnrolmentStatus.Enrolled, $"{identity}: {enrolled.Status}");
            }
        }
    }

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.StopAllSilosAsync();
            await _cluster.DisposeAsync();
        }

        _broker?.Dispose();
    }

    /// <summary>The grain factory inside <paramref name="silo"/>: calls made from that silo, as its own grains make them.</summary>
    public static IGrainFactory GrainsOn(SiloHandle silo) => Services(silo).GetRequiredService<IGrainFactory>();

    private static IServiceProvider Services(SiloHandle silo) => ((InProcessSiloHandle)silo).SiloHost.Services;

    // The Kafka section as appsettings.json has it, on the embedded broker, with fewer partitions.
    private static Dictionary<string, string?> Settings(string bootstrapServers) => new()
    {
        ["Kafka:BootstrapServers"] = bootstrapServers,
        ["Kafka:ConsumerGroup"] = $"model-cluster-{Guid.NewGuid():N}",
        [$"Kafka:Topics:{TopicNames.Interactions}:Partitions"] = "2",
        [$"Kafka:Topics:{TopicNames.Interactions}:DeadLetterTopic"] = TopicNames.InteractionsDeadLetter,
        [$"Kafka:Topics:{TopicNames.Interactions}:Streams:0:Namespace"] = StreamNames.UserNamespace,
        [$"Kafka:Topics:{TopicNames.Interactions}:Streams:0:KeyField"] = "userId",
        [$"Kafka:Topics:{TopicNames.Interactions}:Streams:1:Namespace"] = StreamNames.ProductNamespace,
        [$"Kafka:Topics:{TopicNames.Interactions}:Streams:1:KeyField"] = "productId",
        [$"Kafka:Topics:{TopicNames.Frames}:Partitions"] = "2",
        [$"Kafka:Topics:{TopicNames.Frames}:DeadLetterTopic"] = TopicNames.FramesDeadLetter,
        [$"Kafka:Topics:{TopicNames.Frames}:Streams:0:Namespace"] = StreamNames.CameraNamespace,
        // A retraining that a test can wait for on two shared cores; the quality of the model is not under test.
        ["Training:FaceEpochs"] = "4",
        [RoleKey] = SiloRoles.Worker,
    };

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            siloBuilder.AddStreamAnalyticsGrains(SiloRoles.Parse(siloBuilder.Configuration[RoleKey] ?? SiloRoles.Worker));
            siloBuilder.AddMemoryGrainStorage(SiloGrainStorageExtensions.PubSubStore);
            siloBuilder.Services.AddSingleton<IGrainStorage, DurableTestStorage>();
            // Declare a killed silo dead within a few seconds, so the trainer grain can move on to the next trainer.
            siloBuilder.Configure<ClusterMembershipOptions>(options =>
            {
                options.ProbeTimeout = TimeSpan.FromSeconds(1);
                options.NumMissedProbesLimit = 2;
                options.NumVotesForDeathDeclaration = 1;
                options.TableRefreshTimeout = TimeSpan.FromSeconds(1);
            });
        }
    }
}

/// <summary>The test classes that share one <see cref="ModelCluster"/>, one after another.</summary>
[CollectionDefinition(Name)]
public sealed class ModelClusterGroup : ICollectionFixture<ModelCluster>
{
    public const string Name = "ModelCluster";
}
