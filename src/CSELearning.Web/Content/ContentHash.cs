using System.Security.Cryptography;
using System.Text;

namespace CSELearning.Web.Content;

// The fingerprint of a module's files: the same text gives the same hash on any machine (line endings are
// normalised when files are read), and any changed character gives another.
public static class ContentHash
{
    public static string Of(IEnumerable<SourceFile> files)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in files.OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            // The file name is part of the content (renaming a section reorders the module), and each
            // file's length keeps one file's end from running into the next file's name.
            var name = file.Path[(file.Path.LastIndexOf('/') + 1)..];
            var text = Encoding.UTF8.GetBytes(file.Text);
            hash.AppendData(Encoding.UTF8.GetBytes($"{name}\n{text.Length}\n"));
            hash.AppendData(text);
        }
        return "sha256:" + Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
