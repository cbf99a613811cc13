using StreamAnalytics.IntegrationTests.Processes;
using System.ComponentModel;
using StackExchange.Redis;

namespace StreamAnalytics.IntegrationTests.Cluster;

/// <summary>
/// Debian's real <c>redis-server</c> on a free loopback port, in memory only (no RDB snapshot, no AOF), stopped on
/// dispose. <c>.ci/run</c> installs it.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private readonly HostProcess _process;

    private RedisServer(HostProcess process, int port, ConnectionMultiplexer connection)
    {
        _process = process;
        Port = port;
        Connection = connection;
    }

    /// <summary>The port it listens on.</summary>
    public int Port { get; }

    /// <summary>The StackExchange.Redis configuration string the silos get as <c>Orleans:Redis</c>.</summary>
    public string Configuration => $"127.0.0.1:{Port}";

    /// <summary>A connection for the test's own look at the keys.</summary>
    public ConnectionMultiplexer Connection { get; }

    /// <summary>Starts the server and waits until it answers PING.</summary>
    public static async Task<RedisServer> StartAsync()
    {
        var port = FreePort.Next();
        HostProcess process;
        try
        {
            process = HostProcess.Start("redis-server", ["--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]);
        }
        catch (Win32Exception e)
        {
            Assert.Fail($"redis-server could not be started ({e.Message}): install it with 'apt-get install -y --no-install-recommends redis-server' (.ci/run does).");
            throw;
        }

        var connection = await ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{port},abortConnect=false,connectTimeout=1000");
        await Eventually.WaitAsync($"redis-server on port {port} to answer PING", TimeSpan.FromSeconds(20), async () =>
        {
            if (process.HasExited)
            {
                Assert.Fail($"redis-server exited at start:{Environment.NewLine}{process.Tail()}");
            }

            if (!connection.IsConnected)
            {
                return (false, "not connected");
            }

            await connection.GetDatabase().PingAsync();
            return (true, "answers");
        }, process.Tail);
        return new RedisServer(process, port, connection);
    }

    /// <summary>Every key matching <paramref name="pattern"/>.</summary>
    public IReadOnlyList<RedisKey> Keys(string pattern) =>
        Connection.GetServer(Connection.GetEndPoints()[0]).Keys(pattern: pattern, pageSize: 1000).ToList();

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await Connection.DisposeAsync();
        await _process.DisposeAsync();
    }
}
