using System.Security.Cryptography;
using CSELearning.Web.Content;
using CSELearning.Web.Domain.Learning;

namespace CSELearning.Web.Domain.Certificates;

// What it says is copied in when issued, so later changes to a name, a module's title or a partnership
// never alter a certificate already issued.
public class Certificate
{
    // Letters and digits that cannot be mistaken for one another when read aloud or typed (no 0/O, 1/I/L).
    private const string CodeAlphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    // 20 characters of a 31-letter alphabet: about 99 bits, so codes cannot be guessed or enumerated.
    public const int CodeLength = 20;

    private Certificate() { }

    public Certificate(ModuleCompletion completion, ContentModule module, string learnerName, string? partnershipName, DateTime now)
    {
        if (completion.ModuleId != module.Id) throw new ArgumentException("The completion is not of this module.", nameof(module));
        Id = Guid.CreateVersion7();
        CompletionId = completion.Id;
        UserId = completion.UserId;
        VerificationCode = NewCode();
        Number = $"CSE-{now.Year}-{VerificationCode[..8]}";
        LearnerName = learnerName;
        ModuleId = module.Id;
        ModuleTitle = module.Title;
        ModuleVersion = completion.ModuleVersion;
        CompletedOn = DateOnly.FromDateTime(completion.CompletedAt);
        ScorePercent = completion.ScorePercent;
        CpdHours = completion.CpdHoursAwarded ?? module.CpdHours;
        PartnershipName = partnershipName;
        IssuedAt = now;
        ValidUntil = module.RefreshMonths is { } months ? CompletedOn.AddMonths(months) : null;
    }

    public Guid Id { get; private set; }
    public Guid CompletionId { get; private set; }
    public Guid UserId { get; private set; }
    public string Number { get; private set; } = "";
    // The only way to look a certificate up without signing in.
    public string VerificationCode { get; private set; } = "";
    public string LearnerName { get; private set; } = "";
    public string ModuleId { get; private set; } = "";
    public string ModuleTitle { get; private set; } = "";
    public string ModuleVersion { get; private set; } = "";
    public DateOnly CompletedOn { get; private set; }
    public int ScorePercent { get; private set; }
    public decimal CpdHours { get; private set; }
    public string? PartnershipName { get; private set; }
    public DateTime IssuedAt { get; private set; }
    // The completion date plus the module's refresh period at issue; null when it does not expire.
    public DateOnly? ValidUntil { get; private set; }
    public DateTime? RevokedAt { get; private set; }
    public Guid? RevokedById { get; private set; }
    public string? RevocationReason { get; private set; }

    public bool IsRevoked => RevokedAt is not null;

    // Revoked whatever the date; otherwise expired from the day after ValidUntil.
    public CertificateStatus StatusOn(DateOnly today) => StatusOf(RevokedAt, ValidUntil, today);

    public static CertificateStatus StatusOf(DateTime? revokedAt, DateOnly? validUntil, DateOnly today) =>
        revokedAt is not null ? CertificateStatus.Revoked
        : validUntil is { } last && today > last ? CertificateStatus.Expired
        : CertificateStatus.Valid;

    public void Revoke(Guid by, string reason, DateTime now)
    {
        if (IsRevoked) throw new DomainException("This certificate has already been revoked.");
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainException("Give a reason for revoking the certificate.");
        reason = TextInput.Normalise(reason.Trim());
        if (reason.Length > 500) throw new DomainException("The reason must be 500 characters or fewer.");
        TextInput.Require(reason, "The reason", TextShape.MultiLine);
        RevokedAt = now;
        RevokedById = by;
        RevocationReason = reason;
    }

    public const string ErasedReason = "Record erased";

    public bool IsErased => RevocationReason == ErasedReason && LearnerName.Length == 0;

    // The learner's record was erased: the certificate no longer names them and is revoked for that reason
    // (an earlier revocation keeps its date, but its reason, which may name them, goes too).
    public void EraseLearner(Guid by, DateTime now)
    {
        LearnerName = "";
        RevokedAt ??= now;
        RevokedById ??= by;
        RevocationReason = ErasedReason;
    }

    public static bool IsWellFormed(string? code) =>
        code is { Length: CodeLength } && code.All(c => CodeAlphabet.Contains(c, StringComparison.Ordinal));

    private static string NewCode() => RandomNumberGenerator.GetString(CodeAlphabet, CodeLength);
}

public enum CertificateStatus { Valid, Expired, Revoked }
