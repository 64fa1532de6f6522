using Microsoft.AspNetCore.Authentication;

namespace Orleans.Radius.Silo.Admin;

/// <summary>
/// The one access rule of the silo's operator endpoints, as an ASP.NET Core authorization policy: put
/// <see cref="RequireAdminAccess{TBuilder}"/> on any endpoint or group (admin API, OpenAPI document, dashboard).
/// </summary>
public static class AdminAccess
{
    /// <summary>The authentication scheme and authorization policy name.</summary>
    public const string Scheme = "RadiusAdmin";

    /// <summary>Registers <see cref="AdminAccessRule"/> from <c>Admin:Token</c>, its scheme and its policy.</summary>
    public static IServiceCollection AddAdminAccess(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(new AdminAccessRule(configuration[$"{AdminOptions.Section}:{nameof(AdminOptions.Token)}"]));
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, AdminAuthenticationHandler>(Scheme, configureOptions: null);
        services.AddAuthorizationBuilder()
            .AddPolicy(Scheme, policy => policy.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser());
        return services;
    }

    /// <summary>Lets only callers the admin rule allows reach the endpoints of <paramref name="builder"/>.</summary>
    public static TBuilder RequireAdminAccess<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.RequireAuthorization(Scheme);
}
