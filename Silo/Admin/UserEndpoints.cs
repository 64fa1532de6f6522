using Orleans.Radius.Gateway.Hosting;
using Orleans.Radius.Grains;

namespace Orleans.Radius.Silo.Admin;

/// <summary><c>/api/users</c>: list (paged through the user directory), read, create or replace, delete, unlock.</summary>
internal static class UserEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var users = api.MapGroup("/users").WithTags("Users");
        users.MapGet("/", ListAsync)
            .WithSummary("User names in ordinal order, a page at a time; pass the answer's 'next' as 'after' for the next page.");
        users.MapGet("/{userName}", GetAsync).WithSummary("One user, without password or hash.");
        users.MapPut("/{userName}", PutAsync)
            .WithSummary("Creates or replaces a user; the body is a Users entry of the configuration.");
        users.MapDelete("/{userName}", DeleteAsync).WithSummary("Removes a user.");
        users.MapPost("/{userName}/unlock", UnlockAsync).WithSummary("Lifts a failed-login lockout.");
    }

    private static async Task<UserDirectoryPage> ListAsync(IGrainFactory grains, string? after, int? limit) =>
        await grains.PageAsync(after, limit ?? 100);

    private static async Task<IResult> GetAsync(IGrainFactory grains, string userName) =>
        await grains.GetGrain<IUserGrain>(userName).Get() is { } user ? TypedResults.Ok(user) : AdminProblems.NotFound($"no user '{userName}'");

    private static async Task<IResult> PutAsync(IGrainFactory grains, string userName, UserOptions body)
    {
        var problems = new List<string>();
        if (string.IsNullOrEmpty(body.UserName))
        {
            body.UserName = userName;
        }
        else if (!string.Equals(body.UserName, userName, StringComparison.Ordinal))
        {
            problems.Add($"UserName '{body.UserName}' differs from the user name in the URL '{userName}'");
        }

        body.Reply ??= new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        problems.AddRange(SiloConfigurationProblems.ForUser(body));
        if (problems.Count > 0)
        {
            return AdminProblems.BadRequest("The user is not valid", problems);
        }

        var user = grains.GetGrain<IUserGrain>(userName);
        var existed = await user.Get() is not null;
        var changed = await user.Upsert(UserSeeder.ToDefinition(body));
        var answer = new UserChange(userName, changed);
        return existed ? TypedResults.Ok(answer) : TypedResults.Created($"/api/users/{Uri.EscapeDataString(userName)}", answer);
    }

    private static async Task<IResult> DeleteAsync(IGrainFactory grains, string userName) =>
        await grains.GetGrain<IUserGrain>(userName).Delete() ? TypedResults.NoContent() : AdminProblems.NotFound($"no user '{userName}'");

    private static async Task<IResult> UnlockAsync(IGrainFactory grains, string userName)
    {
        var user = grains.GetGrain<IUserGrain>(userName);
        if (await user.Get() is null)
        {
            return AdminProblems.NotFound($"no user '{userName}'");
        }

        await user.Unlock();
        return TypedResults.NoContent();
    }
}

/// <summary>The answer to a PUT of a user: whether the stored user changed (false when it was already equal).</summary>
internal sealed record UserChange(string UserName, bool Changed);
