using CsCheck;
using Orleans.Radius.Protocol.Eap;

namespace Orleans.Radius.Protocol.Tests.Eap;

/// <summary>Random and half-valid bytes thrown at every EAP parser: each may refuse, none may throw.</summary>
public class EapFuzzTests
{
    private static readonly Gen<byte[]> AnyBytes = Gen.Byte.Array[0, 700];

    [Fact]
    public void Packet_reader_never_throws_on_random_bytes()
    {
        AnyBytes.Sample(bytes => ExercisePacket(bytes), iter: 20_000);
    }

    [Fact]
    public void Packet_reader_never_throws_on_packets_with_a_correct_length()
    {
        // A valid Length field gets random bytes past the header check and into the method parsers.
        Gen.Select(Gen.Byte[1, 6], Gen.Byte, Gen.OneOf<byte>(1, 2, 3, 4, 13, 21, 25, 26, 254), Gen.Byte.Array[0, 700])
            .Sample(
                ((byte Code, byte Id, byte Type, byte[] Data) t) =>
                {
                    var packet = new byte[5 + t.Data.Length];
                    packet[0] = t.Code;
                    packet[1] = t.Id;
                    packet[2] = (byte)(packet.Length >> 8);
                    packet[3] = (byte)packet.Length;
                    packet[4] = t.Type;
                    t.Data.CopyTo(packet, 5);
                    ExercisePacket(packet);
                },
                iter: 20_000);
    }

    [Fact]
    public void Method_parsers_never_throw_on_type_data_with_a_matching_ms_length()
    {
        Gen.Select(Gen.OneOf<byte>(1, 2, 3, 4, 7), Gen.Byte.Array[4, 700]).Sample(
            ((byte OpCode, byte[] Data) t) =>
            {
                var typeData = t.Data;
                typeData[0] = t.OpCode;
                typeData[2] = (byte)(typeData.Length >> 8);
                typeData[3] = (byte)typeData.Length;
                ExerciseTypeData(typeData);
            },
            iter: 20_000);
    }

    [Fact]
    public void Reassembler_never_throws_and_never_exceeds_its_cap()
    {
        var fragment = Gen.Select(
            Gen.Bool,
            Gen.Frequency((3, Gen.UInt[0, 300]), (1, Gen.UInt)),
            Gen.Bool,
            Gen.Byte.Array[0, 120]);
        Gen.Select(Gen.Int[1, 400], fragment.Array[1, 40]).Sample(
            ((int Cap, (bool HasLength, uint Declared, bool More, byte[] Data)[] Fragments) t) =>
            {
                var reassembler = new EapTlsReassembler(t.Cap);
                foreach (var (hasLength, declared, more, data) in t.Fragments)
                {
                    var result = reassembler.Add(hasLength, declared, more, data);
                    Assert.InRange(reassembler.ReceivedLength, 0, t.Cap);
                    if (result == EapTlsReassemblyResult.Complete)
                    {
                        Assert.False(more);
                        Assert.Equal(reassembler.ReceivedLength, reassembler.Message.Length);
                        Assert.True(reassembler.DeclaredLength is null || reassembler.DeclaredLength == reassembler.Message.Length);
                    }
                    else
                    {
                        Assert.True(reassembler.Message.IsEmpty);
                    }
                }
            },
            iter: 5_000);
    }

    private static void ExercisePacket(byte[] bytes)
    {
        if (EapPacketReader.TryParse(bytes, out var reader) != EapParseError.None)
        {
            return;
        }

        Assert.Equal(bytes.Length, reader.Length);
        _ = reader.Code;
        _ = reader.Identifier;
        _ = reader.Type;
        _ = reader.ExpandedType;
        Assert.True(reader.MethodData.Length <= reader.TypeData.Length);
        ExerciseTypeData(reader.TypeData);
        if (reader.IsExpanded)
        {
            _ = EapNak.TryReadExpanded(reader.MethodData, out var count);
            for (var i = 0; i < count; i++)
            {
                _ = EapNak.ReadExpandedEntry(reader.MethodData, i);
            }
        }
    }

    private static void ExerciseTypeData(ReadOnlySpan<byte> typeData)
    {
        Span<byte> authenticatorResponse = stackalloc byte[20];
        Span<byte> challenge = stackalloc byte[16];
        _ = EapNak.TryRead(typeData, out var desired);
        _ = EapNak.TryChoose(desired, [EapType.Tls, EapType.Peap], out _);
        _ = EapMd5Challenge.TryRead(typeData, out _, out _);
        if (EapTlsPacketReader.TryParse(typeData, out var tls) == EapParseError.None)
        {
            _ = tls.IsAck;
            _ = tls.Version;
            _ = new EapTlsReassembler().Add(tls);
        }

        foreach (var code in (ReadOnlySpan<EapCode>)[EapCode.Request, EapCode.Response, EapCode.Success])
        {
            if (EapMsChapV2Reader.TryParse(code, typeData, out var ms) != EapParseError.None)
            {
                continue;
            }

            _ = ms.MsChapV2Id;
            _ = ms.MsLength;
            _ = ms.Challenge;
            _ = ms.Name;
            _ = ms.PeerChallenge;
            _ = ms.NtResponse;
            _ = ms.Flags;
            _ = ms.EncryptedPassword;
            _ = ms.EncryptedHash;
            _ = EapMsChapV2SuccessMessage.TryParse(ms.Message, authenticatorResponse, out _);
            if (EapMsChapV2FailureMessage.TryParse(ms.Message, out var failure))
            {
                _ = failure.TryGetChallenge(challenge);
            }
        }
    }
}
