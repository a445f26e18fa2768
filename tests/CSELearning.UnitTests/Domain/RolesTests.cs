using CSELearning.Web.Domain;
using CSELearning.Web.Features.Administration.Users;

namespace CSELearning.UnitTests.Domain;

public class RolesTests
{
    [Theory]
    [InlineData("ContentReviewer")]
    [InlineData("content reviewer")]
    [InlineData(" Content Reviewer ")]
    public void A_content_reviewer_is_named_by_its_name_or_as_it_is_shown(string written) =>
        Assert.Equal(Roles.ContentReviewer, Roles.Canonical(written));

    [Fact]
    public void A_content_reviewer_is_shown_in_words_and_needs_no_agency()
    {
        Assert.Equal("Content reviewer", Roles.DisplayName(Roles.ContentReviewer));
        Assert.False(PersonRules.NeedsAgency([Roles.ContentReviewer]));
        Assert.False(PersonRules.NeedsAgency([Roles.ContentReviewer, Roles.Administrator]));
        Assert.True(PersonRules.NeedsAgency([Roles.ContentReviewer, Roles.Learner]));
    }
}
