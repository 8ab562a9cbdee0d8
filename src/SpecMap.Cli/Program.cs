using SpecMap.Cli;
using SpecMap.Cli.Terminal;

// Thin entry point: the process's console, folder and environment handed to the command line. It runs on a thread
// with a large stack, so deeply nested input meets the readers' depth guards long before the stack runs out
// (a stack overflow cannot be caught: it would abort the process with exit 134).
var exitCode = 0;
var main = new Thread(() => exitCode = SpecMapCli.Run(args, ConsoleStreams.Out, ConsoleStreams.Error, Directory.GetCurrentDirectory(),
        Environment.GetEnvironmentVariable, TerminalFacts.OfProcess()),
    maxStackSize: 256 * 1024 * 1024);
main.Start();
main.Join();
return exitCode;
