using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CSELearning.Web.Data.Migrations;

// How often supervisor and supervisee agreed to meet; existing supervision has no agreed frequency.
[DbContext(typeof(AppDbContext))]
[Migration("20261207163000_SupervisionFrequency")]
public sealed class SupervisionFrequency : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<int>(name: "FrequencyWeeks", table: "SupervisionRelationships", nullable: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropColumn(name: "FrequencyWeeks", table: "SupervisionRelationships");
    }
}
