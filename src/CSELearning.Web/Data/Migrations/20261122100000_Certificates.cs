using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CSELearning.Web.Data.Migrations;

// Certificates of completion: one per completion, with the random code its verification link carries.
[DbContext(typeof(AppDbContext))]
[Migration("20261122100000_Certificates")]
public sealed class Certificates : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Certificates",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                CompletionId = table.Column<Guid>(nullable: false),
                UserId = table.Column<Guid>(nullable: false),
                Number = table.Column<string>(maxLength: 40, nullable: false),
                VerificationCode = table.Column<string>(maxLength: 20, nullable: false),
                LearnerName = table.Column<string>(maxLength: 256, nullable: false),
                ModuleId = table.Column<string>(maxLength: 100, nullable: false),
                ModuleTitle = table.Column<string>(maxLength: 300, nullable: false),
                ModuleVersion = table.Column<string>(maxLength: 20, nullable: false),
                CompletedOn = table.Column<DateOnly>(nullable: false),
                ScorePercent = table.Column<int>(nullable: false),
                CpdHours = table.Column<decimal>(precision: 6, scale: 2, nullable: false),
                PartnershipName = table.Column<string>(maxLength: 200, nullable: true),
                IssuedAt = table.Column<DateTime>(nullable: false),
                RevokedAt = table.Column<DateTime>(nullable: true),
                RevokedById = table.Column<Guid>(nullable: true),
                RevocationReason = table.Column<string>(maxLength: 500, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Certificates", x => x.Id);
                table.ForeignKey(
                    name: "FK_Certificates_AspNetUsers_UserId",
                    column: x => x.UserId,
                    principalTable: "AspNetUsers",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_Certificates_ModuleCompletions_CompletionId",
                    column: x => x.CompletionId,
                    principalTable: "ModuleCompletions",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateIndex(name: "IX_Certificates_CompletionId", table: "Certificates", column: "CompletionId", unique: true);
        migrationBuilder.CreateIndex(name: "IX_Certificates_Number", table: "Certificates", column: "Number", unique: true);
        migrationBuilder.CreateIndex(name: "IX_Certificates_UserId", table: "Certificates", column: "UserId");
        migrationBuilder.CreateIndex(name: "IX_Certificates_VerificationCode", table: "Certificates", column: "VerificationCode", unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "Certificates");
    }
}
