namespace Orleans.Radius.Grains.Tests.Users;

/// <summary>Upsert, Get and Delete, and that the stored user survives deactivation.</summary>
[Collection(DefaultClusterCollection.Name)]
public sealed class UserLifecycleTests(DefaultClusterFixture fixture)
{
    [Fact]
    public async Task Upsert_reports_a_change_once_for_the_same_definition()
    {
        var user = fixture.Grains.GetGrain<IUserGrain>("upsert-idempotent");
        var definition = new UserDefinition("upsert-idempotent", "pw", null, new Dictionary<string, string> { ["Session-Timeout"] = "60" }, 2);

        Assert.True(await user.Upsert(definition));
        Assert.False(await user.Upsert(definition));
        Assert.False(await user.Upsert(definition with { Reply = new Dictionary<string, string> { ["Session-Timeout"] = "60" } }));
        Assert.True(await user.Upsert(definition with { Reply = new Dictionary<string, string> { ["Session-Timeout"] = "61" } }));
        Assert.True(await user.Upsert(definition with { Password = "other" }));
        Assert.True(await user.Upsert(definition with { MaxSessions = 3 }));
    }

    [Fact]
    public async Task Upsert_by_nt_hash_is_idempotent_in_either_hex_case()
    {
        var user = fixture.Grains.GetGrain<IUserGrain>("upsert-hash");
        var hash = Requests.NtHashHex("pw");

        Assert.True(await user.Upsert(new UserDefinition("upsert-hash", null, hash, null, null)));
        Assert.False(await user.Upsert(new UserDefinition("upsert-hash", null, hash.ToLowerInvariant(), null, null)));
    }

    [Fact]
    public async Task Upsert_refuses_an_nt_hash_that_is_not_32_hex_digits()
    {
        var user = fixture.Grains.GetGrain<IUserGrain>("upsert-bad-hash");

        await Assert.ThrowsAsync<ArgumentException>(() => user.Upsert(new UserDefinition("upsert-bad-hash", null, "abc", null, null)));
        Assert.Null(await user.Get());
    }

    [Fact]
    public async Task Get_reports_a_cleartext_password_only_when_one_was_configured()
    {
        var clear = fixture.Grains.GetGrain<IUserGrain>("get-clear");
        var hashed = fixture.Grains.GetGrain<IUserGrain>("get-hash");
        var reply = new Dictionary<string, string> { ["Reply-Message"] = "hi" };
        await clear.Upsert(new UserDefinition("get-clear", "pw", null, reply, 4));
        await hashed.Upsert(new UserDefinition("get-hash", null, Requests.NtHashHex("pw"), null, null));

        var clearView = await clear.Get();
        var hashedView = await hashed.Get();

        Assert.NotNull(clearView);
        Assert.Equal("get-clear", clearView.UserName);
        Assert.True(clearView.HasCleartextPassword);
        Assert.True(clearView.HasNtHash);
        Assert.Equal(reply, clearView.Reply);
        Assert.Equal(4, clearView.MaxSessions);
        Assert.False(clearView.LockedOut);
        Assert.NotNull(hashedView);
        Assert.False(hashedView.HasCleartextPassword);
        Assert.True(hashedView.HasNtHash);
        Assert.Null(await fixture.Grains.GetGrain<IUserGrain>("get-nobody").Get());
    }

    [Fact]
    public async Task A_deleted_user_is_gone_and_rejected()
    {
        var user = fixture.Grains.GetGrain<IUserGrain>("delete-me");
        await user.Upsert(new UserDefinition("delete-me", "pw", null, null, null));
        Assert.Equal(AuthOutcome.Accept, (await user.Authenticate(Requests.Pap("pw"))).Outcome);

        Assert.True(await user.Delete());

        Assert.Null(await user.Get());
        Assert.Equal(AuthOutcome.Reject, (await user.Authenticate(Requests.Pap("pw"))).Outcome);
        Assert.False(await user.Delete());
    }

    [Fact]
    public async Task A_deleted_user_can_be_created_again()
    {
        var user = fixture.Grains.GetGrain<IUserGrain>("delete-recreate");
        await user.Upsert(new UserDefinition("delete-recreate", "pw", null, null, null));
        await user.Delete();

        Assert.True(await user.Upsert(new UserDefinition("delete-recreate", "new", null, null, null)));
        Assert.Equal(AuthOutcome.Accept, (await user.Authenticate(Requests.Pap("new"))).Outcome);
    }

    [Fact]
    public async Task The_user_is_read_back_from_storage_after_deactivation()
    {
        var user = fixture.Grains.GetGrain<IUserGrain>("durable-user");
        var definition = new UserDefinition("durable-user", "pw", null, new Dictionary<string, string> { ["Reply-Message"] = "hi" }, 1);
        await user.Upsert(definition);

        await fixture.Cluster.DeactivateAsync(user);

        var view = await user.Get();
        Assert.NotNull(view);
        Assert.True(view.HasCleartextPassword);
        Assert.Equal(definition.Reply, view.Reply);
        var result = await user.Authenticate(Requests.Pap("pw"));
        Assert.Equal(AuthOutcome.Accept, result.Outcome);
        Assert.Equal([18, 4, (byte)'h', (byte)'i'], Assert.Single(result.Attributes).Encoded);
        Assert.False(await user.Upsert(definition));
    }

    [Fact]
    public async Task A_deletion_survives_deactivation()
    {
        var user = fixture.Grains.GetGrain<IUserGrain>("durable-delete");
        await user.Upsert(new UserDefinition("durable-delete", "pw", null, null, null));
        await user.Delete();

        await fixture.Cluster.DeactivateAsync(user);

        Assert.Null(await user.Get());
    }

    [Fact]
    public async Task An_unknown_user_does_not_keep_an_activation()
    {
        var user = fixture.Grains.GetGrain<IUserGrain>("spray-unknown");
        var management = fixture.Grains.GetGrain<IManagementGrain>(0);
        var type = user.GetGrainId().Type;

        Assert.Equal(AuthOutcome.Reject, (await user.Authenticate(Requests.Pap("guess"))).Outcome);

        // Deactivation on idle happens after the call returns; poll for it instead of sleeping a fixed time.
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while ((await management.GetActiveGrains(type)).Contains(user.GetGrainId()))
        {
            await Task.Delay(20, deadline.Token);
        }
    }
}
