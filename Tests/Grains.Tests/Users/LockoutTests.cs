namespace Orleans.Radius.Grains.Tests.Users;

/// <summary>Failed-login lockout: 3 failures within a minute lock the user for 5 minutes, durably.</summary>
[Collection(DefaultClusterCollection.Name)]
public sealed class LockoutTests(DefaultClusterFixture fixture)
{
    private const string Password = "pw";

    [Fact]
    public async Task Repeated_failures_lock_out_even_the_right_password_until_the_duration_passes()
    {
        var user = await CreateAsync("lockout-duration");

        await FailAsync(user, DefaultClusterFixture.MaxFailures);

        Assert.Equal(AuthOutcome.Reject, (await user.Authenticate(Requests.Pap(Password))).Outcome);
        Assert.True((await user.Get())!.LockedOut);

        fixture.Clock.Advance(DefaultClusterFixture.LockoutDuration - TimeSpan.FromSeconds(1));
        Assert.Equal(AuthOutcome.Reject, (await user.Authenticate(Requests.Pap(Password))).Outcome);

        fixture.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.False((await user.Get())!.LockedOut);
        Assert.Equal(AuthOutcome.Accept, (await user.Authenticate(Requests.Pap(Password))).Outcome);
    }

    [Fact]
    public async Task Fewer_failures_than_the_limit_do_not_lock()
    {
        var user = await CreateAsync("lockout-below");

        await FailAsync(user, DefaultClusterFixture.MaxFailures - 1);

        Assert.Equal(AuthOutcome.Accept, (await user.Authenticate(Requests.Pap(Password))).Outcome);
    }

    [Fact]
    public async Task Failures_spread_wider_than_the_window_do_not_lock()
    {
        var user = await CreateAsync("lockout-window");

        await FailAsync(user, DefaultClusterFixture.MaxFailures - 1);
        fixture.Clock.Advance(DefaultClusterFixture.FailureWindow + TimeSpan.FromSeconds(1));
        await FailAsync(user, DefaultClusterFixture.MaxFailures - 1);

        Assert.Equal(AuthOutcome.Accept, (await user.Authenticate(Requests.Pap(Password))).Outcome);
    }

    [Fact]
    public async Task A_success_clears_the_failures_counted_so_far()
    {
        var user = await CreateAsync("lockout-success");

        await FailAsync(user, DefaultClusterFixture.MaxFailures - 1);
        Assert.Equal(AuthOutcome.Accept, (await user.Authenticate(Requests.Pap(Password))).Outcome);
        await FailAsync(user, DefaultClusterFixture.MaxFailures - 1);

        Assert.Equal(AuthOutcome.Accept, (await user.Authenticate(Requests.Pap(Password))).Outcome);
    }

    [Fact]
    public async Task Unlock_lifts_the_lockout()
    {
        var user = await CreateAsync("lockout-unlock");
        await FailAsync(user, DefaultClusterFixture.MaxFailures);

        await user.Unlock();

        Assert.False((await user.Get())!.LockedOut);
        Assert.Equal(AuthOutcome.Accept, (await user.Authenticate(Requests.Pap(Password))).Outcome);
    }

    [Fact]
    public async Task The_lockout_survives_deactivation()
    {
        var user = await CreateAsync("lockout-durable");
        await FailAsync(user, DefaultClusterFixture.MaxFailures);

        await fixture.Cluster.DeactivateAsync(user);

        Assert.True((await user.Get())!.LockedOut);
        Assert.Equal(AuthOutcome.Reject, (await user.Authenticate(Requests.Pap(Password))).Outcome);
    }

    [Fact]
    public async Task Retransmissions_of_one_failed_request_count_once()
    {
        var user = await CreateAsync("lockout-retransmit");
        var failed = Requests.Pap("wrong");

        for (var i = 0; i < 2 * DefaultClusterFixture.MaxFailures; i++)
        {
            Assert.Equal(AuthOutcome.Reject, (await user.Authenticate(failed)).Outcome);
        }

        Assert.Equal(AuthOutcome.Accept, (await user.Authenticate(Requests.Pap(Password))).Outcome);
    }

    [Fact]
    public async Task Changing_the_password_does_not_lift_a_lockout()
    {
        var user = await CreateAsync("lockout-upsert");
        await FailAsync(user, DefaultClusterFixture.MaxFailures);

        await user.Upsert(new UserDefinition("lockout-upsert", "new", null, null, null));

        Assert.Equal(AuthOutcome.Reject, (await user.Authenticate(Requests.Pap("new"))).Outcome);
    }

    [Fact]
    public async Task Failures_before_a_delete_do_not_count_for_the_user_created_again()
    {
        var user = await CreateAsync("lockout-delete");
        await FailAsync(user, DefaultClusterFixture.MaxFailures - 1);
        await user.Delete();
        await FailAsync(user, DefaultClusterFixture.MaxFailures);

        await user.Upsert(new UserDefinition("lockout-delete", Password, null, null, null));
        await FailAsync(user, DefaultClusterFixture.MaxFailures - 1);

        Assert.Equal(AuthOutcome.Accept, (await user.Authenticate(Requests.Pap(Password))).Outcome);
    }

    private static async Task FailAsync(IUserGrain user, int times)
    {
        for (var i = 0; i < times; i++)
        {
            Assert.Equal(AuthOutcome.Reject, (await user.Authenticate(Requests.Pap("wrong"))).Outcome);
        }
    }

    private async Task<IUserGrain> CreateAsync(string userName)
    {
        var user = fixture.Grains.GetGrain<IUserGrain>(userName);
        await user.Upsert(new UserDefinition(userName, Password, null, null, null));
        return user;
    }
}
