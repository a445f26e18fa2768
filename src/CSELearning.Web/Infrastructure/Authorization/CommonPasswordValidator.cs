using System.Collections.Frozen;
using CSELearning.Web.Domain;
using Microsoft.AspNetCore.Identity;

namespace CSELearning.Web.Infrastructure.Authorization;

/// <summary>
/// Refuses passwords that are common, too long to hash cheaply, or built from the person's own name or
/// email address. Length is the only composition rule (ASVS 5.0 V6.2): no demands for digits or symbols.
/// </summary>
public sealed class CommonPasswordValidator : IPasswordValidator<User>
{
    private static readonly Lazy<FrozenSet<string>> Common = new(LoadCommonPasswords);

    public static int CommonPasswordCount => Common.Value.Count;

    public Task<IdentityResult> ValidateAsync(UserManager<User> manager, User user, string? password)
    {
        password ??= "";
        var errors = new List<IdentityError>();
        if (password.Length > PasswordPolicy.MaximumLength)
            errors.Add(new() { Code = "PasswordTooLong", Description = $"Passwords must be {PasswordPolicy.MaximumLength} characters or fewer." });
        if (IsCommon(password))
            errors.Add(new() { Code = "PasswordCommon", Description = "This password is too common: people trying to break into accounts guess it first. Choose another, such as three or four unrelated words." });
        else if (UsesOwnDetails(user, password))
            errors.Add(new() { Code = "PasswordPersonal", Description = "Your password must not contain your name or email address." });
        return Task.FromResult(errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]));
    }

    public static bool IsCommon(string password)
    {
        var normalised = password.Trim().ToLowerInvariant();
        return Common.Value.Contains(normalised) || normalised.Contains("cselearning", StringComparison.Ordinal);
    }

    private static bool UsesOwnDetails(User user, string password)
    {
        var lowered = password.ToLowerInvariant();
        var localPart = user.Email?.Split('@')[0].ToLowerInvariant();
        var parts = new[] { localPart }
            .Concat(user.DisplayName.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(p => p is { Length: >= 4 });
        return parts.Any(p => lowered.Contains(p!, StringComparison.Ordinal));
    }

    private static FrozenSet<string> LoadCommonPasswords()
    {
        using var stream = typeof(CommonPasswordValidator).Assembly.GetManifestResourceStream("CSELearning.Web.common-passwords.txt")
            ?? throw new InvalidOperationException("The common-password list is missing from the build: run the front-end build (npm) before dotnet build.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0) set.Add(line);
        }
        return set.ToFrozenSet(StringComparer.Ordinal);
    }
}
