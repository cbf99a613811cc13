using System.CommandLine;
using StreamAnalytics.Cli.Commands;

var root = new RootCommand("sa: the StreamAnalytics command line.")
{
    BrokerCommand.Create(),
    ProduceCommand.Create(),
    ReplayCommand.Create(),
    BenchCommand.Create(),
    TrainCommand.Create(),
    EvalCommand.Create(),
    FramesCommand.Create(),
    EnrolCommand.Create(),
};
return await root.Parse(args).InvokeAsync();

/// <summary>
/// The entry point, declared internal on purpose: with ASP.NET Core referenced (Kestrel, for <c>sa bench predict</c>)
/// its source generator would otherwise make the top-level Program public, and the integration tests, which reference
/// both <c>sa</c> and the silo, could no longer tell the silo's Program apart.
/// </summary>
internal partial class Program;
