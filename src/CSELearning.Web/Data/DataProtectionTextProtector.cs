using CSELearning.Web.Domain.Reflections;
using Microsoft.AspNetCore.DataProtection;

namespace CSELearning.Web.Data;

/// <summary>Reflective text encrypted with ASP.NET Core Data Protection, under a purpose of its own.</summary>
public sealed class DataProtectionTextProtector(IDataProtectionProvider provider) : ITextProtector
{
    private readonly IDataProtector _protector = provider.CreateProtector("CSELearning.ReflectiveText.v1");

    public string Protect(string plaintext) => _protector.Protect(plaintext);

    public string Unprotect(string protectedText) => _protector.Unprotect(protectedText);
}
