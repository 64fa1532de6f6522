using System.Net;

namespace Orleans.Radius.Gateway.Hosting;

/// <summary>
/// The one rule for every administrative HTTP surface (dashboard, admin API): with <c>Admin:Token</c> set, a
/// request must carry <c>Authorization: Bearer &lt;token&gt;</c>; without one, only loopback callers are served.
/// </summary>
public static class AdminAccess
{
    public const string TokenKey = "Admin:Token";

    /// <summary>True when <paramref name="context"/> may use an administrative endpoint.</summary>
    public static bool IsAllowed(HttpContext context, string? token) =>
        string.IsNullOrEmpty(token)
            ? context.Connection.RemoteIpAddress is { } remote && IPAddress.IsLoopback(remote)
            : BearerToken.Matches(context, token);

    /// <summary>Answers 401 (with a token configured) or 403 (loopback only) to requests under <paramref name="prefix"/> that are not allowed.</summary>
    public static IApplicationBuilder UseAdminAccess(this IApplicationBuilder app, PathString prefix, IConfiguration configuration)
    {
        var token = configuration[TokenKey];
        return app.Use(async (context, next) =>
        {
            if (!context.Request.Path.StartsWithSegments(prefix) || IsAllowed(context, token))
            {
                await next(context);
                return;
            }

            if (string.IsNullOrEmpty(token))
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return;
            }

            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            context.Response.Headers.WWWAuthenticate = "Bearer";
        });
    }

    /// <summary>The same rule as an endpoint filter, for minimal-API route groups.</summary>
    public static TBuilder RequireAdminAccess<TBuilder>(this TBuilder builder, IConfiguration configuration)
        where TBuilder : IEndpointConventionBuilder
    {
        var token = configuration[TokenKey];
        builder.AddEndpointFilter(async (context, next) =>
            IsAllowed(context.HttpContext, token)
                ? await next(context)
                : string.IsNullOrEmpty(token) ? Results.StatusCode(StatusCodes.Status403Forbidden) : Results.Unauthorized());
        return builder;
    }
}
