namespace Orleans.Radius.Protocol.Eap;

/// <summary>EAP-MSCHAPv2 OpCodes (draft-kamath-pppext-eap-mschapv2-01 §2).</summary>
public enum EapMsChapV2OpCode : byte
{
    Challenge = 1,
    Response = 2,
    Success = 3,
    Failure = 4,
    ChangePassword = 7,
}
