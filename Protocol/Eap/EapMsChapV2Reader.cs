using System.Buffers.Binary;

namespace Orleans.Radius.Protocol.Eap;

/// <summary>
/// A validated view of EAP-MSCHAPv2 Type-Data (draft-kamath-pppext-eap-mschapv2-01). Accessors for fields an
/// OpCode does not carry return empty spans or zero.
/// </summary>
public readonly ref struct EapMsChapV2Reader
{
    private const int ValueSizeOffset = EapMsChapV2.HeaderLength;
    private const int ValueOffset = ValueSizeOffset + 1;
    private const int ChangePasswordLength = EapMsChapV2.HeaderLength + EapMsChapV2.ChangePasswordBodyLength;

    private readonly ReadOnlySpan<byte> _data;

    private EapMsChapV2Reader(ReadOnlySpan<byte> data) => _data = data;

    public EapMsChapV2OpCode OpCode => _data.IsEmpty ? default : (EapMsChapV2OpCode)_data[0];

    /// <summary>True for the peer's one-byte Success or Failure acknowledgement, which has no header.</summary>
    public bool IsShortForm => _data.Length is > 0 and < EapMsChapV2.HeaderLength;

    /// <summary>The MS-CHAPv2-ID (0 in the short form).</summary>
    public byte MsChapV2Id => IsShortForm || _data.IsEmpty ? (byte)0 : _data[1];

    /// <summary>The MS-Length field, validated equal to the Type-Data length (0 in the short form).</summary>
    public int MsLength => IsShortForm || _data.IsEmpty ? 0 : BinaryPrimitives.ReadUInt16BigEndian(_data[2..]);

    /// <summary>The 16-byte authenticator challenge of a Challenge.</summary>
    public ReadOnlySpan<byte> Challenge => OpCode == EapMsChapV2OpCode.Challenge ? _data.Slice(ValueOffset, EapMsChapV2.ChallengeLength) : [];

    /// <summary>The Name after the value of a Challenge (authenticator name) or Response (user name).</summary>
    public ReadOnlySpan<byte> Name => OpCode switch
    {
        EapMsChapV2OpCode.Challenge => _data[(ValueOffset + EapMsChapV2.ChallengeLength)..],
        EapMsChapV2OpCode.Response => _data[(ValueOffset + EapMsChapV2.ResponseValueSize)..],
        _ => [],
    };

    /// <summary>The Peer-Challenge of a Response or Change-Password.</summary>
    public ReadOnlySpan<byte> PeerChallenge => OpCode switch
    {
        EapMsChapV2OpCode.Response => _data.Slice(ValueOffset, EapMsChapV2.PeerChallengeLength),
        EapMsChapV2OpCode.ChangePassword => _data.Slice(ChangePasswordPeerChallengeOffset, EapMsChapV2.PeerChallengeLength),
        _ => [],
    };

    /// <summary>The 24-byte NT-Response of a Response or Change-Password.</summary>
    public ReadOnlySpan<byte> NtResponse => OpCode switch
    {
        EapMsChapV2OpCode.Response => _data.Slice(ResponseNtOffset, EapMsChapV2.NtResponseLength),
        EapMsChapV2OpCode.ChangePassword => _data.Slice(ChangePasswordPeerChallengeOffset + EapMsChapV2.PeerChallengeLength + EapMsChapV2.ReservedLength, EapMsChapV2.NtResponseLength),
        _ => [],
    };

    /// <summary>The Flags of a Response (one byte, reserved, zero) or Change-Password (two bytes).</summary>
    public int Flags => OpCode switch
    {
        EapMsChapV2OpCode.Response => _data[ResponseNtOffset + EapMsChapV2.NtResponseLength],
        EapMsChapV2OpCode.ChangePassword => BinaryPrimitives.ReadUInt16BigEndian(_data[(ChangePasswordLength - 2)..]),
        _ => 0,
    };

    /// <summary>The text of a Success or Failure Request ("S=… M=…", "E=… R=… C=… V=… M=…").</summary>
    public ReadOnlySpan<byte> Message => OpCode is EapMsChapV2OpCode.Success or EapMsChapV2OpCode.Failure && !IsShortForm
        ? _data[EapMsChapV2.HeaderLength..]
        : [];

    /// <summary>The 516-byte Encrypted-Password of a Change-Password.</summary>
    public ReadOnlySpan<byte> EncryptedPassword => OpCode == EapMsChapV2OpCode.ChangePassword
        ? _data.Slice(EapMsChapV2.HeaderLength, EapMsChapV2.EncryptedPasswordLength)
        : [];

    /// <summary>The 16-byte Encrypted-Hash of a Change-Password.</summary>
    public ReadOnlySpan<byte> EncryptedHash => OpCode == EapMsChapV2OpCode.ChangePassword
        ? _data.Slice(EapMsChapV2.HeaderLength + EapMsChapV2.EncryptedPasswordLength, EapMsChapV2.EncryptedHashLength)
        : [];

    private static int ResponseNtOffset => ValueOffset + EapMsChapV2.PeerChallengeLength + EapMsChapV2.ReservedLength;

    private static int ChangePasswordPeerChallengeOffset => EapMsChapV2.HeaderLength + EapMsChapV2.EncryptedPasswordLength + EapMsChapV2.EncryptedHashLength;

    /// <summary>
    /// Validates EAP-MSCHAPv2 Type-Data of a packet with <paramref name="code"/>. A Request may carry a
    /// Challenge, Success or Failure; a Response a Response, Change-Password, or the one-byte Success/Failure
    /// acknowledgement.
    /// </summary>
    /// <remarks>
    /// MS-Length must equal the Type-Data length: some old servers got it wrong, but our peers are real
    /// clients and a mismatch is refused. The peer's Success/Failure acknowledgement is the OpCode alone;
    /// bytes after it are ignored, as other servers do, since nothing is read from them.
    /// </remarks>
    public static EapParseError TryParse(EapCode code, ReadOnlySpan<byte> typeData, out EapMsChapV2Reader reader)
    {
        reader = default;
        if (typeData.IsEmpty)
        {
            return EapParseError.TypeDataTooShort;
        }

        var opCode = (EapMsChapV2OpCode)typeData[0];
        if (code == EapCode.Response && opCode is EapMsChapV2OpCode.Success or EapMsChapV2OpCode.Failure)
        {
            reader = new EapMsChapV2Reader(typeData[..1]);
            return EapParseError.None;
        }

        var allowed = code switch
        {
            EapCode.Request => opCode is EapMsChapV2OpCode.Challenge or EapMsChapV2OpCode.Success or EapMsChapV2OpCode.Failure,
            EapCode.Response => opCode is EapMsChapV2OpCode.Response or EapMsChapV2OpCode.ChangePassword,
            _ => false,
        };
        if (!allowed)
        {
            return EapParseError.UnexpectedOpCode;
        }

        if (typeData.Length < EapMsChapV2.HeaderLength)
        {
            return EapParseError.TypeDataTooShort;
        }

        // Attacker controlled: MS-Length duplicates the EAP Length and must agree with it exactly.
        if (BinaryPrimitives.ReadUInt16BigEndian(typeData[2..]) != typeData.Length)
        {
            return EapParseError.MsLengthMismatch;
        }

        var error = opCode switch
        {
            EapMsChapV2OpCode.Challenge => CheckValue(typeData, EapMsChapV2.ChallengeLength),
            EapMsChapV2OpCode.Response => CheckValue(typeData, EapMsChapV2.ResponseValueSize),
            EapMsChapV2OpCode.ChangePassword => typeData.Length < ChangePasswordLength ? EapParseError.TypeDataTooShort
                : typeData.Length > ChangePasswordLength ? EapParseError.LengthMismatch : EapParseError.None,
            _ => EapParseError.None,
        };
        if (error == EapParseError.None)
        {
            reader = new EapMsChapV2Reader(typeData);
        }

        return error;
    }

    private static EapParseError CheckValue(ReadOnlySpan<byte> typeData, int valueSize)
    {
        if (typeData.Length < ValueOffset)
        {
            return EapParseError.TypeDataTooShort;
        }

        if (typeData[ValueSizeOffset] != valueSize)
        {
            return EapParseError.InvalidValueSize;
        }

        return typeData.Length < ValueOffset + valueSize ? EapParseError.TypeDataTooShort : EapParseError.None;
    }
}
