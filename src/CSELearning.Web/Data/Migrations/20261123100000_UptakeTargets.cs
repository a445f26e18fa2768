using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CSELearning.Web.Data.Migrations;

// Commissioners' uptake targets: a percentage of an agency's staff in scope to complete a module by a date.
[DbContext(typeof(AppDbContext))]
[Migration("20261123100000_UptakeTargets")]
public sealed class UptakeTargets : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "UptakeTargets",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                PartnershipId = table.Column<Guid>(nullable: false),
                AgencyId = table.Column<Guid>(nullable: false),
                ModuleId = table.Column<string>(maxLength: 100, nullable: false),
                Percent = table.Column<int>(nullable: false),
                DueOn = table.Column<DateOnly>(nullable: false),
                SetById = table.Column<Guid>(nullable: false),
                SetAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_UptakeTargets", x => x.Id);
                table.ForeignKey(
                    name: "FK_UptakeTargets_Agencies_AgencyId",
                    column: x => x.AgencyId,
                    principalTable: "Agencies",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_UptakeTargets_AspNetUsers_SetById",
                    column: x => x.SetById,
                    principalTable: "AspNetUsers",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_UptakeTargets_Partnerships_PartnershipId",
                    column: x => x.PartnershipId,
                    principalTable: "Partnerships",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateIndex(name: "IX_UptakeTargets_AgencyId_ModuleId", table: "UptakeTargets", columns: ["AgencyId", "ModuleId"], unique: true);
        migrationBuilder.CreateIndex(name: "IX_UptakeTargets_PartnershipId", table: "UptakeTargets", column: "PartnershipId");
        migrationBuilder.CreateIndex(name: "IX_UptakeTargets_SetById", table: "UptakeTargets", column: "SetById");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "UptakeTargets");
    }
}
