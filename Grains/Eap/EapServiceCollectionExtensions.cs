using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Orleans.Radius.Grains.Eap.Methods;
using Orleans.Radius.Protocol.Eap;

namespace Orleans.Radius.Grains.Eap;

/// <summary>Registers EAP conversations in a silo: options, the method factory, the drain on graceful stop.</summary>
public static class EapServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="EapOptions"/> (section <c>Eap</c>) and <see cref="EapCertificateOptions"/> (<c>Eap:Tls</c>),
    /// registers EAP-MD5 and EAP-MSCHAPv2, and the graceful-stop drain.
    /// </summary>
    public static IServiceCollection AddRadiusEap(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<EapOptions>().Bind(configuration.GetSection(EapOptions.Section)).ValidateOnStart();
        services.AddOptions<EapCertificateOptions>().Bind(configuration.GetSection(EapCertificateOptions.Section));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EapOptions>, EapOptionsValidator>());
        return services.AddEapConversations();
    }

    /// <summary>The conversation machinery without configuration binding (tests configure options themselves).</summary>
    internal static IServiceCollection AddEapConversations(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<EapConversationTracker>();
        services.TryAddSingleton<IEapMethodFactory, EapMethodFactory>();
        if (!services.Any(descriptor => descriptor.ServiceType == typeof(EapDrain)))
        {
            services.AddSingleton<EapDrain>();
            services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(provider => provider.GetRequiredService<EapDrain>());
        }

        // The TLS-based methods (EAP-TLS, PEAP, TTLS) are added by AddEapTls, the same way.
        services.AddEapMethod(EapType.Md5Challenge, _ => new EapMd5Method());
        services.AddEapMethod(EapType.MsChapV2, _ => new EapMsChapV2Method());
        return services;
    }

    /// <summary>Makes a method available to conversations; a later registration of the same type replaces an earlier one.</summary>
    internal static IServiceCollection AddEapMethod(
        this IServiceCollection services, EapType type, Func<IServiceProvider, IEapMethod?> create, Func<IServiceProvider, bool>? isAvailable = null) =>
        services.AddSingleton(new EapMethodRegistration(type, create, isAvailable));
}
