namespace Orleans.Radius.Grains.Tests.Users;

/// <summary>Retransmissions answered from the recent decisions (RFC 5080 §2.2.2), with a window of 5 s and room for 4.</summary>
[Collection(DefaultClusterCollection.Name)]
public sealed class DedupTests(DefaultClusterFixture fixture)
{
    private const string Password = "pw";

    [Fact]
    public async Task A_retransmission_gets_the_same_decision_marked_replayed()
    {
        var user = await CreateAsync("dedup-same");
        var request = Requests.Pap(Password);

        var first = await user.Authenticate(request);
        var second = await user.Authenticate(request);

        Assert.Equal(AuthOutcome.Accept, first.Outcome);
        Assert.False(first.Replayed);
        Assert.True(second.Replayed);
        Assert.Equal(first.Outcome, second.Outcome);
        Assert.Equal(first.Attributes.Select(a => (a.Encoded, a.Encryption)), second.Attributes.Select(a => (a.Encoded, a.Encryption)));
    }

    [Fact]
    public async Task A_retransmitted_reject_stays_a_reject_even_though_the_password_is_not_rechecked()
    {
        var user = await CreateAsync("dedup-reject");
        var key = Requests.NewKey();

        var first = await user.Authenticate(Requests.Pap("wrong", key));
        var second = await user.Authenticate(Requests.Pap(Password, key));

        Assert.Equal(AuthOutcome.Reject, first.Outcome);
        Assert.Equal(AuthOutcome.Reject, second.Outcome);
        Assert.True(second.Replayed);
    }

    [Fact]
    public async Task The_same_key_with_a_new_authenticator_is_decided_afresh()
    {
        var user = await CreateAsync("dedup-new-authenticator");
        var key = Requests.NewKey();

        var first = await user.Authenticate(Requests.Pap("wrong", key));
        var second = await user.Authenticate(Requests.Pap(Password, Requests.Renewed(key)));

        Assert.Equal(AuthOutcome.Reject, first.Outcome);
        Assert.Equal(AuthOutcome.Accept, second.Outcome);
        Assert.False(second.Replayed);
    }

    [Fact]
    public async Task After_the_window_a_retransmission_is_decided_afresh()
    {
        var user = await CreateAsync("dedup-window");
        var request = Requests.Pap(Password);
        await user.Authenticate(request);

        fixture.Clock.Advance(DefaultClusterFixture.DedupWindow - TimeSpan.FromMilliseconds(1));
        Assert.True((await user.Authenticate(request)).Replayed);

        fixture.Clock.Advance(TimeSpan.FromMilliseconds(1));
        var late = await user.Authenticate(request);

        Assert.False(late.Replayed);
        Assert.Equal(AuthOutcome.Accept, late.Outcome);
    }

    [Fact]
    public async Task Only_the_newest_requests_up_to_the_capacity_are_remembered()
    {
        var user = await CreateAsync("dedup-capacity");
        var requests = Enumerable.Range(0, DefaultClusterFixture.DedupCapacity + 1).Select(_ => Requests.Pap(Password)).ToList();
        foreach (var request in requests)
        {
            await user.Authenticate(request);
        }

        // Checked newest first: deciding the evicted oldest again would make room by evicting another.
        foreach (var request in requests.Skip(1).Reverse())
        {
            Assert.True((await user.Authenticate(request)).Replayed);
        }

        Assert.False((await user.Authenticate(requests[0])).Replayed);
    }

    [Fact]
    public async Task Reusing_one_key_with_new_authenticators_does_not_crowd_out_other_requests()
    {
        var user = await CreateAsync("dedup-reused-key");
        var other = Requests.Pap(Password);
        await user.Authenticate(other);
        var key = Requests.NewKey();
        for (var i = 0; i < 3 * DefaultClusterFixture.DedupCapacity; i++)
        {
            key = Requests.Renewed(key);
            await user.Authenticate(Requests.Pap(Password, key));
        }

        Assert.True((await user.Authenticate(other)).Replayed);
        Assert.True((await user.Authenticate(Requests.Pap(Password, key))).Replayed);
    }

    private async Task<IUserGrain> CreateAsync(string userName)
    {
        var user = fixture.Grains.GetGrain<IUserGrain>(userName);
        await user.Upsert(new UserDefinition(userName, Password, null, new Dictionary<string, string> { ["Session-Timeout"] = "60" }, null));
        return user;
    }
}

/// <summary>A zero dedup window switches duplicate detection off.</summary>
[Collection(NoDedupClusterCollection.Name)]
public sealed class DisabledDedupTests(NoDedupClusterFixture fixture)
{
    [Fact]
    public async Task Every_retransmission_is_decided_afresh()
    {
        var user = fixture.Grains.GetGrain<IUserGrain>("no-dedup");
        await user.Upsert(new UserDefinition("no-dedup", "pw", null, null, null));
        var request = Requests.Pap("pw");

        var results = new List<AuthResult>();
        for (var i = 0; i < 3; i++)
        {
            results.Add(await user.Authenticate(request));
        }

        Assert.All(results, result => Assert.Equal(AuthOutcome.Accept, result.Outcome));
        Assert.All(results, result => Assert.False(result.Replayed));
    }
}
