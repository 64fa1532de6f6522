using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Orleans.Radius.Silo.Admin;

/// <summary>
/// The one access rule of the silo's operator endpoints (<see cref="AdminAccessRule"/>), as an ASP.NET Core
/// authorization policy: put <see cref="RequireAdminAccess{TBuilder}"/> on any endpoint or group — admin API,
/// OpenAPI document, dashboard — and it answers only callers the rule allows.
/// </summary>
public static class AdminAccess
{
    /// <summary>The authorization policy's name.</summary>
    public const string Policy = "RadiusAdmin";

    /// <summary>Registers <see cref="AdminAccessRule"/> from <c>Admin:Token</c> and the policy (idempotent).</summary>
    public static IServiceCollection AddAdminAccess(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(new AdminAccessRule(configuration[$"{AdminOptions.Section}:{nameof(AdminOptions.Token)}"]));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAuthorizationHandler, AdminAccessHandler>());
        // Added, not tried: it must win over the framework's default, which it hands every other policy to.
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, AdminAccessResultHandler>();
        services.AddAuthorizationBuilder().AddPolicy(Policy, policy => policy.AddRequirements(new AdminAccessRequirement()));
        return services;
    }

    /// <summary>Lets only callers the admin rule allows reach the endpoints of <paramref name="builder"/>.</summary>
    public static TBuilder RequireAdminAccess<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.RequireAuthorization(Policy);
}
