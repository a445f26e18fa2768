// A controller in a nested namespace, as the feature convention sees one.
namespace CSELearning.UnitTests.Features.Administration.Users;

public sealed class FakeController : Microsoft.AspNetCore.Mvc.Controller;
