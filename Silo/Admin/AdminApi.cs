using Orleans.Radius.Silo.Admin.Coa;

namespace Orleans.Radius.Silo.Admin;

/// <summary>Registers and maps the admin API (<c>/api/…</c>) and its OpenAPI document, all behind <see cref="AdminAccess"/>.</summary>
internal static class AdminApi
{
    /// <summary>Where the OpenAPI document is served.</summary>
    public const string OpenApiPath = "/api/openapi/{documentName}.json";

    public static IServiceCollection AddAdminApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<AdminOptions>(configuration.GetSection(AdminOptions.Section));
        services.AddAdminAccess(configuration);
        services.AddSingleton<DynamicAuthorizationClient>();
        services.AddHostedService<ClientSeeder>();
        services.AddOpenApi("admin", options =>
            options.ShouldInclude = description => description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true);
        return services;
    }

    public static WebApplication MapAdminApi(this WebApplication app)
    {
        app.UseEncodedSlashesInRouteValues("/api");
        var api = app.MapGroup("/api").RequireAdminAccess();
        UserEndpoints.Map(api);
        ClientEndpoints.Map(api);
        SessionEndpoints.Map(api);
        app.MapOpenApi(OpenApiPath).RequireAdminAccess();
        return app;
    }
}
