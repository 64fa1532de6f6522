using Orleans.Radius.Protocol.Fuzz;
using SharpFuzz;

// afl-fuzz (default) or libFuzzer (--libfuzzer) drive FuzzTargets.Datagram; "replay DIR" runs every file
// of a corpus once in-process, to reproduce a finding or smoke-test the target.
if (args is ["replay", var directory])
{
    var count = 0;
    foreach (var file in Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories))
    {
        FuzzTargets.Datagram(File.ReadAllBytes(file));
        count++;
    }

    Console.WriteLine($"replayed {count} inputs without a failure");
    return;
}

if (args is ["--libfuzzer"])
{
    Fuzzer.LibFuzzer.Run(span => FuzzTargets.Datagram(span));
    return;
}

Fuzzer.OutOfProcess.Run(stream =>
{
    using var memory = new MemoryStream();
    stream.CopyTo(memory);
    FuzzTargets.Datagram(memory.GetBuffer().AsSpan(0, (int)memory.Length));
});
