using Orleans.Radius.Grains.Accounting;

namespace Orleans.Radius.Grains.Tests.Users;

[Collection(DefaultClusterCollection.Name)]
public sealed class SimultaneousUseTests(DefaultClusterFixture fixture)
{
    [Fact]
    public async Task A_user_with_max_sessions_one_is_refused_a_second_login_until_the_first_ends()
    {
        var user = fixture.Grains.GetGrain<IUserGrain>("single-seat");
        await user.Upsert(new UserDefinition("single-seat", "pw", NtHash: null, Reply: null, MaxSessions: 1));

        Assert.Equal(AuthOutcome.Accept, (await user.Authenticate(Requests.Pap("pw"))).Outcome);

        // The first login's Accounting-Start has not arrived yet: its reservation still counts.
        Assert.Equal(AuthOutcome.Reject, (await user.Authenticate(Requests.Pap("pw"))).Outcome);

        // Its Start takes the reservation's place; the session still counts.
        var session = new AccountingRecord("nas-1", "s-1", AccountingStatusType.Start, "single-seat", fixture.Clock.GetUtcNow());
        await fixture.Grains.RecordAccountingAsync(session);
        Assert.Equal(AuthOutcome.Reject, (await user.Authenticate(Requests.Pap("pw"))).Outcome);

        await fixture.Grains.RecordAccountingAsync(session with { StatusType = AccountingStatusType.Stop, SessionTime = 60 });
        fixture.Clock.Advance(TimeSpan.FromSeconds(11));
        Assert.Equal(AuthOutcome.Accept, (await user.Authenticate(Requests.Pap("pw"))).Outcome);
    }
}
