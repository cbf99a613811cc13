using System.Runtime.InteropServices;

namespace StreamAnalytics.Inference.Hosting;

/// <summary>
/// Lowers the calling thread's CPU priority on Linux (its nice value, which Linux keeps per thread), so background work
/// yields the cores to requests. .NET's <see cref="Thread.Priority"/> does not change the scheduling of a thread on
/// Linux, hence the system call. Raising a priority again needs privileges; lowering one never does.
/// </summary>
internal static partial class BackgroundThreadPriority
{
    // Nice 10: under contention CFS gives a nice-0 thread about nine times a nice-10 thread's share of a core.
    private const int BackgroundNice = 10;
    private const int PriorityProcess = 0;

    /// <summary>Lowers this thread's priority; a no-op off Linux or when the call fails (the work still runs).</summary>
    public static void Lower()
    {
        if (OperatingSystem.IsLinux())
        {
            // With PRIO_PROCESS and a thread id, Linux sets that one thread's nice value (setpriority(2), NOTES).
            _ = SetPriority(PriorityProcess, GetThreadId(), BackgroundNice);
        }
    }

    [LibraryImport("libc", EntryPoint = "setpriority")]
    private static partial int SetPriority(int which, int who, int priority);

    [LibraryImport("libc", EntryPoint = "gettid")]
    private static partial int GetThreadId();
}
