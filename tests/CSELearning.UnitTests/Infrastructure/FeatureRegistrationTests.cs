using CSELearning.Web.Features.Account;
using CSELearning.Web.Features.Certificates;
using CSELearning.Web.Features.Modules;
using CSELearning.Web.Features.Reflections;
using CSELearning.Web.Features.Supervision;
using CSELearning.Web.Infrastructure.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CSELearning.UnitTests.Infrastructure;

public class FeatureRegistrationTests
{
    [Theory]
    [InlineData(typeof(ResetLinks))]
    [InlineData(typeof(CertificateFiles))]
    [InlineData(typeof(LearnerRecords))]
    [InlineData(typeof(ReflectionAccess))]
    [InlineData(typeof(RecordAccess))]
    [InlineData(typeof(RecordEditor))]
    [InlineData(typeof(CSELearning.Web.Features.Supervision.Start.Handler))]
    [InlineData(typeof(CSELearning.Web.Features.Administration.Users.Edit.Handler))]
    public void Handlers_and_the_services_features_share_are_registered_once_per_request(Type service)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());

        builder.AddFeatures();

        Assert.Equal(ServiceLifetime.Scoped, Assert.Single(builder.Services, d => d.ServiceType == service).Lifetime);
    }
}
