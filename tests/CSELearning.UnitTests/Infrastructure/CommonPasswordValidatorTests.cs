using CSELearning.Web.Domain;
using CSELearning.Web.Infrastructure.Authorization;

namespace CSELearning.UnitTests.Infrastructure;

public class CommonPasswordValidatorTests
{
    private static readonly User Person = new("ana.silva@riverside.example", "Ana Silva", JobRole.YouthWorker, DateTime.UtcNow);

    private static async Task<string[]> ErrorsFor(string password)
    {
        var result = await new CommonPasswordValidator().ValidateAsync(null!, Person, password);
        return result.Errors.Select(e => e.Code).ToArray();
    }

    [Fact]
    public void The_common_password_list_is_loaded_from_the_build() =>
        Assert.True(CommonPasswordValidator.CommonPasswordCount > 40_000);

    [Theory]
    [InlineData("password1234")]
    [InlineData("PASSWORD1234")]
    [InlineData("1qaz2wsx3edc")]
    [InlineData("qazwsxedcrfv")]
    [InlineData("cselearning-2026")]
    public async Task Common_passwords_are_refused_in_any_case(string password) =>
        Assert.Contains("PasswordCommon", await ErrorsFor(password));

    [Theory]
    [InlineData("ana.silva-garden-party")]
    [InlineData("my-name-is-silva-ok")]
    public async Task Passwords_built_from_the_persons_own_details_are_refused(string password) =>
        Assert.Contains("PasswordPersonal", await ErrorsFor(password));

    [Fact]
    public async Task Passwords_longer_than_128_characters_are_refused() =>
        Assert.Contains("PasswordTooLong", await ErrorsFor(new string('x', 129)));

    [Theory]
    [InlineData("orbit-lantern-meadow-quartz")]
    [InlineData("alllowercaseletters")]
    [InlineData("Ünïcödé pässwörds wörk tóó")]
    public async Task Uncommon_passwords_pass(string password) =>
        Assert.Empty(await ErrorsFor(password));
}
