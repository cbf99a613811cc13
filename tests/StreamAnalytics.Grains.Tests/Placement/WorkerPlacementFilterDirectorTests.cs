using System.Net;
using StreamAnalytics.Grains.Placement;

namespace StreamAnalytics.Grains.Tests.Placement;

public sealed class WorkerPlacementFilterDirectorTests
{
    private static readonly SiloAddress Worker1 = Silo(11111);
    private static readonly SiloAddress Worker2 = Silo(11112);
    private static readonly SiloAddress Both = Silo(11113);
    private static readonly SiloAddress Trainer = Silo(11114);
    private static readonly SiloAddress Unpublished = Silo(11115);

    private static readonly Dictionary<SiloAddress, string> Roles = new()
    {
        [Worker1] = "worker",
        [Worker2] = "worker",
        [Both] = "trainer,worker",
        [Trainer] = "trainer",
    };

    [Fact]
    public void Every_worker_is_kept_and_trainer_only_or_unpublished_silos_are_dropped()
    {
        var kept = WorkerPlacementFilterDirector.KeepWorkers([Trainer, Worker1, Unpublished, Both, Worker2], RolesOf);

        Assert.Equal([Worker1, Both, Worker2], kept);
    }

    [Fact]
    public void Without_a_known_worker_silos_of_unknown_roles_are_preferred_to_trainer_only_ones()
    {
        var kept = WorkerPlacementFilterDirector.KeepWorkers([Trainer, Unpublished], RolesOf);

        Assert.Equal([Unpublished], kept);
    }

    [Fact]
    public void When_every_silo_is_trainer_only_every_candidate_is_kept_so_calls_are_served_somewhere()
    {
        var kept = WorkerPlacementFilterDirector.KeepWorkers([Trainer, Silo(11116)], silo => "trainer");

        Assert.Equal([Trainer, Silo(11116)], kept);
    }

    private static string? RolesOf(SiloAddress silo) => Roles.GetValueOrDefault(silo);

    private static SiloAddress Silo(int port) => SiloAddress.New(new IPEndPoint(IPAddress.Loopback, port), 1);
}
