using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CSELearning.Web.Data.Migrations;

// Text typed into a form that arrived after the session had ended, kept (encrypted) for its author to take back.
[DbContext(typeof(AppDbContext))]
[Migration("20261207160000_KeptDrafts")]
public sealed class KeptDrafts : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "KeptDrafts",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                UserId = table.Column<Guid>(nullable: false),
                Path = table.Column<string>(maxLength: 400, nullable: false),
                FormPage = table.Column<string>(maxLength: 400, nullable: true),
                ProtectedFields = table.Column<string>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                ExpiresAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_KeptDrafts", x => x.Id);
                table.ForeignKey(
                    name: "FK_KeptDrafts_AspNetUsers_UserId",
                    column: x => x.UserId,
                    principalTable: "AspNetUsers",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex(name: "IX_KeptDrafts_UserId", table: "KeptDrafts", column: "UserId");
        migrationBuilder.CreateIndex(name: "IX_KeptDrafts_ExpiresAt", table: "KeptDrafts", column: "ExpiresAt");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "KeptDrafts");
    }
}
