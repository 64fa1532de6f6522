using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Orleans.Radius.Grains.Eap.Methods;
using Orleans.Radius.Protocol.Eap;

namespace Orleans.Radius.Grains.Eap.Tls;

/// <summary>Registers the TLS-based EAP methods in a silo.</summary>
public static class EapTlsServiceCollectionExtensions
{
    /// <summary>
    /// Binds and validates <see cref="EapTlsOptions"/> (section <c>Eap:Tls</c>, every file read at startup) and
    /// registers EAP-TLS, PEAP and TTLS with the conversations; their factory loads the certificate material once.
    /// </summary>
    public static IServiceCollection AddEapTls(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<EapTlsOptions>().Bind(configuration.GetSection(EapTlsOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EapTlsOptions>, EapTlsOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<EapTlsMethodFactory>();
        foreach (var type in (ReadOnlySpan<EapType>)[EapType.Tls, EapType.Peap, EapType.Ttls])
        {
            services.AddEapMethod(
                type,
                provider => provider.GetRequiredService<EapTlsMethodFactory>().Create(type),
                provider => provider.GetRequiredService<EapTlsMethodFactory>().Supports(type));
        }

        return services;
    }
}
