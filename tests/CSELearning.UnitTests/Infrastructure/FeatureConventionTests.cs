using System.Reflection;
using CSELearning.Web.Features.Account;
using CSELearning.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace CSELearning.UnitTests.Infrastructure;

public class FeatureConventionTests
{
    [Fact]
    public void A_controller_s_views_are_looked_for_in_its_feature_folder()
    {
        var controller = new ControllerModel(typeof(AccountController).GetTypeInfo(), []);

        new FeatureConvention().Apply(controller);

        Assert.Equal("Account", controller.Properties[FeatureConvention.Key]);
    }

    [Fact]
    public void Nested_feature_namespaces_become_nested_folders()
    {
        var controller = new ControllerModel(typeof(Features.Administration.Users.FakeController).GetTypeInfo(), []);

        new FeatureConvention().Apply(controller);

        Assert.Equal("Administration/Users", controller.Properties[FeatureConvention.Key]);
    }
}
