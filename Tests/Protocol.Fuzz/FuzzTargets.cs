using Orleans.Radius.Protocol.Crypto;
using Orleans.Radius.Protocol.Packets;

namespace Orleans.Radius.Protocol.Fuzz;

/// <summary>Everything a gateway does to an untrusted datagram before trusting it.</summary>
public static class FuzzTargets
{
    private static readonly byte[] Secret = "fuzzing-secret"u8.ToArray();

    public static void Datagram(ReadOnlySpan<byte> input)
    {
        if (RadiusPacketReader.TryParse(input, out var reader) != RadiusParseError.None)
        {
            return;
        }

        foreach (var attribute in reader)
        {
            _ = attribute.Value.Length;
        }

        _ = RadiusSigner.CheckRequestMessageAuthenticator(reader, Secret);
        _ = RadiusSigner.VerifyComputedRequestAuthenticator(input, Secret);
    }
}
