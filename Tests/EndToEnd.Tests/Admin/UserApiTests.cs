using System.Net;
using Orleans.Radius.EndToEnd.Tests.Infrastructure;
using Orleans.Radius.Protocol.Packets;

namespace Orleans.Radius.EndToEnd.Tests.Admin;

/// <summary>Users managed through the admin API take effect at a running gateway, with no restart.</summary>
[Collection(AdminCollection.Name)]
public sealed class UserApiTests(AdminFixture fixture)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(3);

    [Fact]
    public async Task A_user_put_through_the_api_logs_in_and_is_gone_after_delete()
    {
        var put = await fixture.Api.PutAsync("/api/users/api-user", new { Password = "api-password", Reply = new Dictionary<string, string> { ["Session-Timeout"] = "120" }, MaxSessions = 2 });
        Assert.True(put.Status == HttpStatusCode.Created, AdminClient.Text(put.Body));
        Assert.Equal(HttpStatusCode.OK, (await fixture.Api.PutAsync("/api/users/api-user", new { Password = "api-password", Reply = new Dictionary<string, string> { ["Session-Timeout"] = "120" }, MaxSessions = 2 })).Status);

        var (status, user) = await fixture.Api.GetAsync("/api/users/api-user");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(user!["hasCleartextPassword"]!.GetValue<bool>());
        Assert.Equal("120", user["reply"]!["Session-Timeout"]!.GetValue<string>());
        Assert.Equal(2, user["maxSessions"]!.GetValue<int>());
        Assert.DoesNotContain("api-password", user.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("api-user", await fixture.Api.AllUserNamesAsync(pageSize: 1));
        Assert.Equal(RadiusCode.AccessAccept, await LoginAsync("api-user", "api-password"));

        Assert.Equal(HttpStatusCode.NoContent, (await fixture.Api.DeleteAsync("/api/users/api-user")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Api.GetAsync("/api/users/api-user")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Api.DeleteAsync("/api/users/api-user")).Status);
        Assert.DoesNotContain("api-user", await fixture.Api.AllUserNamesAsync(pageSize: 100));
        Assert.Equal(RadiusCode.AccessReject, await LoginAsync("api-user", "api-password"));
    }

    [Fact]
    public async Task An_invalid_user_is_refused_with_every_problem_named()
    {
        var (status, problem) = await fixture.Api.PutAsync("/api/users/bad-user", new
        {
            UserName = "other-name",
            NtHash = "xyz",
            MaxSessions = 0,
            Reply = new Dictionary<string, string> { ["No-Such-Attribute"] = "1", ["Session-Timeout"] = "soon" },
        });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        var problems = problem!["problems"]!.AsArray().Select(p => p!.GetValue<string>()).ToList();
        Assert.Equal(5, problems.Count);
        Assert.Contains(problems, p => p.Contains("differs from the user name in the URL", StringComparison.Ordinal));
        Assert.Contains("NtHash must be 32 hex digits", problems);
        Assert.Contains("MaxSessions 0 must be at least 1", problems);
        Assert.Contains(problems, p => p.StartsWith("Reply:No-Such-Attribute", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Reply:Session-Timeout", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Api.GetAsync("/api/users/bad-user")).Status);
    }

    [Fact]
    public async Task Unlock_lifts_a_lockout()
    {
        // The fixture locks a user out after 2 failures.
        Assert.Equal(RadiusCode.AccessReject, await LoginAsync(AdminFixture.LockedUser, "wrong-1"));
        Assert.Equal(RadiusCode.AccessReject, await LoginAsync(AdminFixture.LockedUser, "wrong-2"));
        Assert.Equal(RadiusCode.AccessReject, await LoginAsync(AdminFixture.LockedUser, AdminFixture.LockedPassword));
        Assert.True((await fixture.Api.GetAsync($"/api/users/{AdminFixture.LockedUser}")).Body!["lockedOut"]!.GetValue<bool>());

        Assert.Equal(HttpStatusCode.NoContent, (await fixture.Api.PostAsync($"/api/users/{AdminFixture.LockedUser}/unlock")).Status);

        Assert.False((await fixture.Api.GetAsync($"/api/users/{AdminFixture.LockedUser}")).Body!["lockedOut"]!.GetValue<bool>());
        Assert.Equal(RadiusCode.AccessAccept, await LoginAsync(AdminFixture.LockedUser, AdminFixture.LockedPassword));
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Api.PostAsync("/api/users/nobody-here/unlock")).Status);
    }

    private async Task<RadiusCode?> LoginAsync(string user, string password)
    {
        using var nas = new UdpExchange();
        var request = AccessRequests.Pap(1, user, password);
        var reply = await nas.SendAsync(request, fixture.Gateway.Auth, Wait);
        return reply is not null && AccessRequests.IsSignedReplyTo(reply, request) ? AccessRequests.CodeOf(reply) : null;
    }
}
