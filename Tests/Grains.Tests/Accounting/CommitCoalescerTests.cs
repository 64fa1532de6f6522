using System.Threading.Channels;
using Orleans.Radius.Grains.Accounting;

namespace Orleans.Radius.Grains.Tests.Accounting;

/// <summary>Group commit: lone commits leave at once, commits that arrive while the slots are busy leave together.</summary>
public sealed class CommitCoalescerTests
{
    private readonly Channel<Call> _calls = Channel.CreateUnbounded<Call>();

    [Fact]
    public async Task Commits_queued_behind_busy_slots_leave_together_in_order_when_a_slot_frees()
    {
        var coalescer = new CommitCoalescer(Send, maxBatch: 10, maxInFlight: 2);

        var first = coalescer.CommitAsync(Commit("a"));
        var second = coalescer.CommitAsync(Commit("b"));
        var queued = new[] { "c", "d", "e" }.Select(key => coalescer.CommitAsync(Commit(key))).ToList();

        // Two slots: the first two left alone and at once; the rest wait for a slot.
        var callA = await NextCallAsync();
        var callB = await NextCallAsync();
        Assert.Equal(["a"], callA.Keys);
        Assert.Equal(["b"], callB.Keys);
        Assert.False(_calls.Reader.TryRead(out _));

        callA.Reply.SetResult([CommitOutcome.Done]);
        Assert.Equal(CommitOutcome.Done, await first);
        var callC = await NextCallAsync();
        Assert.Equal(["c", "d", "e"], callC.Keys);

        var refused = CommitOutcome.Refused(null);
        callC.Reply.SetResult([CommitOutcome.Done, refused, CommitOutcome.Done]);
        Assert.Equal([CommitOutcome.Done, refused, CommitOutcome.Done], await Task.WhenAll(queued));
        Assert.False(second.IsCompleted);
    }

    [Fact]
    public async Task A_failed_call_fails_its_commits_and_the_next_ones_still_leave()
    {
        var coalescer = new CommitCoalescer(Send, maxBatch: 2, maxInFlight: 1);

        var first = coalescer.CommitAsync(Commit("a"));
        var queued = new[] { "b", "c", "d" }.Select(key => coalescer.CommitAsync(Commit(key))).ToList();

        (await NextCallAsync()).Reply.SetException(new InvalidOperationException("Valkey went away"));
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => first);
        Assert.Equal("Valkey went away", failure.Message);

        // At most maxBatch per call.
        var callB = await NextCallAsync();
        Assert.Equal(["b", "c"], callB.Keys);
        callB.Reply.SetResult([CommitOutcome.Done, CommitOutcome.Done]);
        var callD = await NextCallAsync();
        Assert.Equal(["d"], callD.Keys);
        callD.Reply.SetResult([CommitOutcome.Done]);
        Assert.All(await Task.WhenAll(queued), outcome => Assert.True(outcome.Applied));
    }

    private Task<CommitOutcome[]> Send(SessionCommit[] commits)
    {
        var call = new Call([.. commits.Select(commit => commit.SessionKey)], new TaskCompletionSource<CommitOutcome[]>());
        _calls.Writer.TryWrite(call);
        return call.Reply.Task;
    }

    private async Task<Call> NextCallAsync() => await _calls.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));

    private static SessionCommit Commit(string key) =>
        new(key, 0, null, new AccountingSessionState { Exists = true, NasName = "nas", SessionId = key }, null, null, null);

    private sealed record Call(string[] Keys, TaskCompletionSource<CommitOutcome[]> Reply);
}
