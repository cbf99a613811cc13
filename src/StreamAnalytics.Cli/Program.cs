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
};
return await root.Parse(args).InvokeAsync();
